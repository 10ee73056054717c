"""Regenerates data/raw.csv deterministically (kept for transparency; the file is shipped)."""
import csv
import random

rng = random.Random(2024)
with open("data/raw.csv", "w", newline="") as handle:
    writer = csv.writer(handle)
    writer.writerow(["sepal_length", "sepal_width", "petal_length", "petal_width", "label"])
    for index in range(600):
        label = index % 2
        centre = (6.3, 2.9, 5.0, 1.7) if label else (5.4, 3.3, 2.6, 0.6)
        spread = (0.5, 0.35, 0.8, 0.35)
        writer.writerow([round(rng.gauss(c, s), 2) for c, s in zip(centre, spread)] + [label])
