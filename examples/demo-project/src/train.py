"""Fit a logistic regression by batch gradient descent and log the loss of every epoch."""
import csv
import json
import math
import os
import sys

import params as params_reader
from common import predict, read_rows

train_path, model_path = sys.argv[1], sys.argv[2]
params = params_reader.load("params.yaml")["train"]
rows = read_rows(train_path)
feature_count = len(rows[0][0])
model = {"weights": [0.0] * feature_count, "bias": 0.0}
rate, l2 = float(params["learning_rate"]), float(params["l2"])

os.makedirs("plots", exist_ok=True)
with open("plots/training_loss.csv", "w", newline="") as log:
    writer = csv.writer(log)
    writer.writerow(["epoch", "loss"])
    for epoch in range(int(params["epochs"])):
        grad_w, grad_b, loss = [0.0] * feature_count, 0.0, 0.0
        for features, label in rows:
            p = predict(model, features)
            loss -= label * math.log(max(p, 1e-12)) + (1 - label) * math.log(max(1 - p, 1e-12))
            for i, x in enumerate(features):
                grad_w[i] += (p - label) * x
            grad_b += p - label
        n = len(rows)
        model["weights"] = [w - rate * (g / n + l2 * w) for w, g in zip(model["weights"], grad_w)]
        model["bias"] -= rate * grad_b / n
        writer.writerow([epoch, round(loss / n, 6)])

os.makedirs(os.path.dirname(model_path), exist_ok=True)
with open(model_path, "w") as handle:
    json.dump(model, handle, indent=2)
print(f"train: final loss {loss / n:.4f}")
