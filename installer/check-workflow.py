#!/usr/bin/env python3
"""Checks the hosted-CI workflow (.github/workflows/release.yml) without running it: that it is
valid YAML with the structure GitHub Actions needs (on, jobs, each job's runs-on and steps, each
step exactly one of run or uses), that the installers job builds on a Windows, a macOS and a Linux
runner with Temurin 25, that its run steps call only the project's own commands (installer/build.sh
or mvn), that it uploads the packages and that a version tag attaches them to a release.
Prints one line per problem and exits 1; 0 when none. Needs python3-yaml.
    installer/check-workflow.py [WORKFLOW]"""
import sys

try:
    import yaml
except ImportError:
    print("check-workflow: python3-yaml missing (apt-get install python3-yaml)", file=sys.stderr)
    sys.exit(2)

OWN_COMMANDS = ("installer/build.sh", "mvn ")


def problems(doc):
    if not isinstance(doc, dict):
        yield "the workflow is not a mapping"
        return
    # YAML 1.1 reads the key `on` as the boolean true.
    triggers = doc.get("on", doc.get(True))
    if not triggers:
        yield "no 'on' (triggers)"
    elif not (isinstance(triggers, dict) and "push" in triggers and "tags" in (triggers["push"] or {})):
        yield "'on' does not include a push of tags"
    jobs = doc.get("jobs")
    if not isinstance(jobs, dict) or not jobs:
        yield "no 'jobs'"
        return
    for name, job in jobs.items():
        if not isinstance(job, dict):
            yield f"job {name} is not a mapping"
            continue
        if "runs-on" not in job:
            yield f"job {name} has no runs-on"
        steps = job.get("steps")
        if not isinstance(steps, list) or not steps:
            yield f"job {name} has no steps"
            continue
        for i, step in enumerate(steps, 1):
            if not isinstance(step, dict):
                yield f"job {name} step {i} is not a mapping"
                continue
            kinds = [k for k in ("run", "uses") if k in step]
            if len(kinds) != 1:
                yield f"job {name} step {i} has {' and '.join(kinds) or 'neither run nor uses'}"
            run = step.get("run")
            if run is not None:
                for line in str(run).splitlines():
                    line = line.strip()
                    if line and not line.startswith("#") and not line.startswith(OWN_COMMANDS):
                        yield f"job {name} step {i} runs '{line}': only installer/build.sh and mvn"
    build = jobs.get("installers", {})
    oses = build.get("strategy", {}).get("matrix", {}).get("os", []) if isinstance(build, dict) else []
    for family in ("ubuntu", "windows", "macos"):
        if not any(str(o).startswith(family) for o in oses):
            yield f"the installers job's matrix has no {family} runner"
    steps = build.get("steps", []) if isinstance(build, dict) else []
    java = [s for s in steps if isinstance(s, dict) and str(s.get("uses", "")).startswith("actions/setup-java@")]
    if not java or str(java[0].get("with", {}).get("java-version")) != "25" \
            or java[0].get("with", {}).get("distribution") != "temurin":
        yield "the installers job does not set up Temurin 25 (actions/setup-java)"
    if not any("installer/build.sh" in str(s.get("run", "")) for s in steps if isinstance(s, dict)):
        yield "the installers job does not run installer/build.sh"
    if not any(str(s.get("uses", "")).startswith("actions/upload-artifact@") for s in steps if isinstance(s, dict)):
        yield "the installers job uploads no artifacts"
    release = jobs.get("release")
    if not isinstance(release, dict) or "refs/tags/" not in str(release.get("if", "")) \
            or release.get("needs") not in ("installers", ["installers"]):
        yield "no release job that runs on tags after the installers job"


def main(argv):
    if len(argv) > 2 or (len(argv) == 2 and argv[1].startswith("-")):
        print("check-workflow: usage: installer/check-workflow.py [WORKFLOW]", file=sys.stderr)
        return 2
    path = argv[1] if len(argv) == 2 else ".github/workflows/release.yml"
    try:
        with open(path, encoding="utf-8") as f:
            doc = yaml.safe_load(f)
    except OSError as e:
        print(f"check-workflow: cannot read {path}: {e.strerror}", file=sys.stderr)
        return 2
    except yaml.YAMLError as e:
        print(f"check-workflow: {path} is not valid YAML: {str(e).splitlines()[0]}", file=sys.stderr)
        return 1
    found = list(problems(doc))
    for p in found:
        print(f"check-workflow: {path}: {p}", file=sys.stderr)
    if not found:
        print(f"check-workflow: {path} ok")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
