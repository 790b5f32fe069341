"""What the tests share besides fixtures: the project's paths, strict builds of it or of a copy, and
the anchors each family page promises."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"

# The anchors each family page promises; other pages, the glossary and search point at them.
FAMILY_ANCHORS = {
    "cloud-concepts.md": [
        "client-server-model",
        "cloud-computing",
        "elasticity",
        "cloud-service-models",
        "iaas",
        "paas",
        "saas",
        "multitenancy",
        "serverless",
        "shared-responsibility-model",
        "caching",
        "well-architected-framework",
    ],
    "compute.md": [
        "ec2",
        "ec2-instance-types",
        "accelerated-computing",
        "ec2-pricing",
        "on-demand",
        "savings-plans",
        "reserved-instances",
        "spot-instances",
        "dedicated-hosts",
        "ec2-auto-scaling",
        "lambda",
        "elastic-beanstalk",
        "outposts",
    ],
    "containers.md": ["ecs", "eks", "kubernetes", "fargate"],
    "storage.md": ["s3", "s3-storage-classes", "instance-store", "ebs", "ebs-snapshots", "efs"],
    "databases.md": ["dynamodb", "nosql", "redshift", "dms"],
    "networking.md": ["elb", "cloudfront", "edge-locations", "route-53", "dns", "api-gateway"],
    "application-integration.md": ["monolithic-applications", "microservices", "sns", "sqs"],
    "tools.md": [
        "ways-to-interact",
        "management-console",
        "aws-cli",
        "sdks",
        "boto3",
        "api-vs-sdk",
        "cloudformation",
        "infrastructure-as-code",
    ],
    "machine-learning.md": [
        "sagemaker",
        "sagemaker-python-sdk",
        "train-and-deploy",
        "bring-your-own-container",
        "elastic-inference",
    ],
}


def mkdocs_build(
    project: Path, site_dir: Path, *, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run a strict build of `project` the way `make build` does; never raises on failure.
    `env`: the environment to build in, instead of this process's."""
    env = {**(os.environ if env is None else env), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def copy_project(destination: Path) -> Path:
    """A throw-away copy of the project (config, docs, hooks) that a test may break on purpose."""
    destination.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "mkdocs.yml", destination / "mkdocs.yml")
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(DOCS, destination / "docs", ignore=ignore)
    shutil.copytree(ROOT / "hooks", destination / "hooks", ignore=ignore)
    shutil.copytree(ROOT / "overrides", destination / "overrides", ignore=ignore)
    return destination
