"""System checks for the document seal (shown by `manage.py check --deploy`)."""

from django.core.checks import Tags, Warning, register
from django.core.exceptions import ImproperlyConfigured

from portal.documents.certificates import DEV_COMMON_NAME, seal_config


@register(Tags.security, deploy=True)
def seal_certificate_check(app_configs, **kwargs):
    """Warn when published documents cannot be sealed, or would be sealed by the dev certificate."""
    try:
        config = seal_config()
    except ImproperlyConfigured as error:
        return [
            Warning(
                str(error),
                hint="Set PORTAL_SEAL_PKCS12 and PORTAL_SEAL_PASSPHRASE (see the README).",
                id="portal.W001",
            )
        ]
    from portal.documents.seal import certificate_name, load_signer

    try:
        name = certificate_name(load_signer(config).signing_cert)
    except (ValueError, OSError) as error:
        return [Warning(f"The seal certificate cannot be read: {error}", id="portal.W002")]
    if name == DEV_COMMON_NAME:
        return [
            Warning(
                "Documents are sealed with the self-signed development certificate.",
                hint="Configure the organisation's certificate (PORTAL_SEAL_PKCS12).",
                id="portal.W003",
            )
        ]
    return []
