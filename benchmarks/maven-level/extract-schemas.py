#!/usr/bin/env python3
"""Writes schema.input and schema.output of every model file of a snapshot as separate JSON Schema
files, one folder (= one Java package for jsonschema2pojo) per model: <out>/<pkg>/Input.json,
Output.json. The same input JMH's Jsonschema2PojoRun gives jsonschema2pojo in-process."""
import json, os, re, sys

snapshot, out = sys.argv[1], sys.argv[2]
folder = os.path.join(snapshot, "models")
count = 0
for name in sorted(os.listdir(folder)):
    if not name.endswith(".json") or name in ("rate-limits.json", "type-names.json"):
        continue
    with open(os.path.join(folder, name), encoding="utf-8") as f:
        schema = json.load(f).get("schema") or {}
    pkg = "m_" + re.sub(r"[^A-Za-z0-9]", "_", name[:-len(".json")]).lower()
    for part, cls in (("input", "Input"), ("output", "Output")):
        if part in schema:
            os.makedirs(os.path.join(out, pkg), exist_ok=True)
            with open(os.path.join(out, pkg, cls + ".json"), "w", encoding="utf-8") as f:
                json.dump(schema[part], f)
            count += 1
print(f"{count} schemas from {folder}")
