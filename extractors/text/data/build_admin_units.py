"""Rebuild `admin_units.tsv` from the maintained package `vietnamadminunits`.

    pip install vietnamadminunits && python -m extractors.text.data.build_admin_units

Run by hand when the package publishes new units (`make gazetteer`); the run
path reads only the TSV, so nothing is downloaded or imported at run time.
Rows: `era` (`legacy`: the 63 provinces and their districts before the July
2025 merger; `2025`: the 34 provinces after it), `kind` (`province`,
`district`), `type` (`Tỉnh`, `Thành phố`, `Huyện`, `Quận`, `Thị xã`), `name`,
`province` (the province it belongs to) and `successor` (for a legacy
province: the 2025 province it merged into).
"""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

OUT = Path(__file__).with_name("admin_units.tsv")


def main() -> None:
    import vietnamadminunits

    root = Path(vietnamadminunits.__file__).parent / "data"
    con = sqlite3.connect(root / "dataset.db")
    rows: list[tuple[str, ...]] = []
    legacy = con.execute("select distinct province, provinceShort from admin_units_legacy order by provinceCode")
    legacy_names = {}
    for full, short in legacy.fetchall():
        legacy_names[full] = short
    after = dict(con.execute("select distinct province, provinceShort from admin_units"))
    merged = json.loads((root / "converter_2025.json").read_text(encoding="utf-8"))["DICT_PROVINCE"]
    key_to_legacy = {_key(full): short for full, short in legacy_names.items()}
    key_to_after = {_key(full): short for full, short in after.items()}
    successor = {}
    for new_key, old_keys in merged.items():
        for old in old_keys:
            if old in key_to_legacy and new_key in key_to_after:
                successor[key_to_legacy[old]] = key_to_after[new_key]
    for full, short in legacy_names.items():
        rows.append(
            (
                "legacy",
                "province",
                full.split(" ")[0] if full.startswith("Tỉnh") else "Thành phố",
                short,
                short,
                successor.get(short, short),
            )
        )
    districts = con.execute(
        "select distinct provinceShort, districtShort, districtType from admin_units_legacy where districtShort is not null"
    )
    for province, name, kind in districts.fetchall():
        rows.append(("legacy", "district", kind, name, province, ""))
    for full, short in sorted(after.items(), key=lambda kv: kv[1]):
        rows.append(("2025", "province", "Tỉnh" if full.startswith("Tỉnh") else "Thành phố", short, short, ""))
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["era", "kind", "type", "name", "province", "successor"])
        w.writerows(sorted(set(rows)))
    print(f"{OUT}: {len(set(rows))} units")


def _key(full: str) -> str:
    import unicodedata

    s = unicodedata.normalize("NFD", full.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in s if c.isalnum() and not unicodedata.combining(c)).lower()


if __name__ == "__main__":
    main()
