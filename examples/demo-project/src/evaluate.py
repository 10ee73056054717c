"""Score the model on the test rows: metrics.json, a ROC curve and a confusion table."""
import csv
import json
import os
import sys

import params as params_reader
from common import predict, read_rows

model_path, test_path = sys.argv[1], sys.argv[2]
threshold = float(params_reader.load("params.yaml")["evaluate"]["threshold"])
with open(model_path) as handle:
    model = json.load(handle)
rows = read_rows(test_path)
scored = [(predict(model, features), label) for features, label in rows]

tp = sum(1 for p, y in scored if p >= threshold and y == 1)
fp = sum(1 for p, y in scored if p >= threshold and y == 0)
fn = sum(1 for p, y in scored if p < threshold and y == 1)
tn = len(scored) - tp - fp - fn
precision = tp / (tp + fp) if tp + fp else 0.0
recall = tp / (tp + fn) if tp + fn else 0.0
metrics = {
    "accuracy": round((tp + tn) / len(scored), 4),
    "precision": round(precision, 4),
    "recall": round(recall, 4),
    "f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
}
with open("metrics.json", "w") as handle:
    json.dump(metrics, handle, indent=2)

os.makedirs("plots", exist_ok=True)
positives = sum(1 for _, y in scored if y == 1) or 1
negatives = (len(scored) - positives) or 1
roc = []
for step in range(0, 21):
    cut = step / 20
    roc.append({
        "threshold": cut,
        "tpr": round(sum(1 for p, y in scored if p >= cut and y == 1) / positives, 4),
        "fpr": round(sum(1 for p, y in scored if p >= cut and y == 0) / negatives, 4),
    })
with open("plots/roc.json", "w") as handle:
    json.dump({"roc": roc}, handle, indent=2)
with open("plots/confusion.csv", "w", newline="") as handle:
    writer = csv.writer(handle)
    writer.writerow(["actual", "predicted"])
    for p, y in scored:
        writer.writerow([y, int(p >= threshold)])
print(f"evaluate: {json.dumps(metrics)}")
