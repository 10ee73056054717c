"""Shuffle data/raw.csv with a fixed seed and split it into train.csv and test.csv."""
import csv
import os
import random
import sys

import params as params_reader

raw_path, out_dir = sys.argv[1], sys.argv[2]
params = params_reader.load("params.yaml")["prepare"]

with open(raw_path, newline="") as handle:
    reader = csv.reader(handle)
    header = next(reader)
    rows = list(reader)

random.Random(int(params["seed"])).shuffle(rows)
test_count = int(len(rows) * float(params["test_fraction"]))
os.makedirs(out_dir, exist_ok=True)
for name, part in (("test.csv", rows[:test_count]), ("train.csv", rows[test_count:])):
    with open(os.path.join(out_dir, name), "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(part)
print(f"prepare: {len(rows) - test_count} train rows, {test_count} test rows")
