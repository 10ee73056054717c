"""Reads the simple two-level params.yaml of this demo without third-party packages.

The demo runs with the standard library only, so it understands exactly what params.yaml uses here:
`section:` lines and indented `key: value` lines with numbers or strings.
"""


def _value(text):
    for convert in (int, float):
        try:
            return convert(text)
        except ValueError:
            pass
    return text.strip("'\"")


def load(path):
    sections, current = {}, None
    with open(path) as handle:
        for raw in handle:
            line = raw.split("#", 1)[0].rstrip()
            if not line.strip():
                continue
            key, _, value = line.strip().partition(":")
            if not line.startswith(" "):
                current = sections.setdefault(key, {})
            elif current is not None:
                current[key] = _value(value.strip())
    return sections
