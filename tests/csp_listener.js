// Collects the page's Content-Security-Policy violations for tests/test_browser_csp.py (the test
// injects it through the browser's debugging protocol, so the policy does not apply to it).
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__cspViolations.push(
    event.violatedDirective + " blocked " + (event.blockedURI || "inline") + " at " + event.sourceFile + ":" + event.lineNumber
  );
});
