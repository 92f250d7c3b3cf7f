"""Admin pages the planner's staff need, and none they must not use.

allauth's social-account rows are configured from the environment (docs/deploy.md) and hold access
tokens: not in admin. E-mail addresses and authenticators change through the account pages, where
allauth asks for the password again."""

from django.apps import apps
from django.contrib import admin

HIDDEN = {
    "allauth.account": ["EmailAddress"],
    "allauth.mfa": ["Authenticator"],
    "allauth.socialaccount": ["SocialApp", "SocialToken", "SocialAccount"],
}

for app_name, model_names in HIDDEN.items():
    if apps.is_installed(app_name):
        for model_name in model_names:
            model = apps.get_model(app_name.rsplit(".", 1)[-1], model_name)
            if admin.site.is_registered(model):
                admin.site.unregister(model)
