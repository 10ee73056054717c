"""Helpers shared by the stages: CSV reading and the logistic model (standard library only)."""
import csv
import math

FEATURES = ["sepal_length", "sepal_width", "petal_length", "petal_width"]


def read_rows(path):
    with open(path, newline="") as handle:
        return [
            ([float(row[name]) for name in FEATURES], int(row["label"]))
            for row in csv.DictReader(handle)
        ]


def sigmoid(value):
    if value < -40:
        return 0.0
    return 1.0 / (1.0 + math.exp(-value))


def predict(model, features):
    score = model["bias"] + sum(w * x for w, x in zip(model["weights"], features))
    return sigmoid(score)
