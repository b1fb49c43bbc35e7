"""Writes a GeoJSON FeatureCollection one feature per line (readable diffs, UTF-8 names kept)."""
import json, os


def write(folder, name, features):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
        f.write('{"type":"FeatureCollection","features":[\n')
        f.write(",\n".join(json.dumps(ft, ensure_ascii=False, separators=(",", ":")) for ft in features))
        f.write("\n]}\n")
