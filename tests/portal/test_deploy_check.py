"""`manage.py check --deploy` with the README's production environment prints no warning."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from portal.documents.certificates import create_dev_certificate

ROOT = Path(__file__).resolve().parents[2]


def readme_production_env() -> dict[str, str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- production-env -->\s*```sh\n(.*?)```", readme, re.S)
    assert block, "README.md has no production-env block"
    lines = [line.strip() for line in block.group(1).splitlines() if line.strip()]
    return dict(line.split("=", 1) for line in lines)


def test_check_deploy_with_the_readmes_production_settings_prints_no_warning(tmp_path):
    env = readme_production_env()
    assert env["SECURE_PROXY_SSL"] == "true" and "DEBUG" not in env
    # The files the block names, made here: a secret key, the seal and its passphrase.
    secret = tmp_path / "secret_key"
    secret.write_text("k" * 20 + os.urandom(32).hex())
    pkcs12, passphrase = tmp_path / "seal.p12", tmp_path / "seal.passphrase"
    # Standing in for the organisation's certificate: any name but the development one.
    create_dev_certificate(
        pkcs12_path=pkcs12, passphrase_path=passphrase, common_name="Testkommun e-sigill"
    )
    env.update(
        SECRET_KEY_FILE=str(secret),
        PORTAL_SEAL_PKCS12=str(pkcs12),
        PORTAL_SEAL_PASSPHRASE_FILE=str(passphrase),
        PORTAL_VAR_DIR=str(tmp_path),
    )
    keep = {"PATH", "HOME", "LANG", "PYTHONPATH"}
    process_env = {k: v for k, v in os.environ.items() if k in keep} | env
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=process_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
