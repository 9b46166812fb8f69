#!/usr/bin/env python3
"""Train the reference networks shipped in traces/models/ and export them to ONNX.

One script for all models so the recipe is in one place:

    python3 traces/models/train.py fmnist_mlp      # -> traces/models/fmnist_mlp.onnx
    python3 traces/models/train.py fmnist_lenet    # -> traces/models/fmnist_lenet.onnx
    python3 traces/models/train.py fmnist_vgg_bn   # -> traces/models/fmnist_vgg_bn.onnx
    python3 traces/models/train.py digits_mlp      # -> traces/models/digits_mlp.onnx
    python3 traces/models/train.py eval            # re-score every shipped .onnx with onnxruntime

After training, each model is exported (legacy TorchScript exporter, opset 13, eval mode, batch
dimension dynamic, everything else static), then scored with onnxruntime over the full test
set; the score is merged into reference_accuracy.json next to this script.

Data:
  * Fashion-MNIST training set (60k) comes from the Debian package dataset-fashion-mnist
    (/usr/share/datasets/fashion-mnist, --fmnist-dir); it is NOT in git. The 10k test set is
    read from traces/datasets/fashion-mnist/ (byte-identical to the package's).
    Preprocessing, outside the model: x = (pixel/255 - 0.2860) / 0.3530, layout [N,1,28,28].
  * Digits: traces/datasets/digits/digits.csv, x = pixel/16, layout [N,64]; stratified split
    described in traces/datasets/digits/README.md (computed here, checked against
    test_rows.txt).

Crossbar-friendly architecture rule: every weight layer after the first gets a post-ReLU
(non-negative) input, so a crossbar simulator can feed layers 2+ as unsigned integers.

CPU only, one intra-op thread by default (the machine is shared), fixed seeds, deterministic
algorithms requested from torch.
"""
import argparse
import gzip
import hashlib
import json
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
TRACES = os.path.dirname(HERE)
FMNIST_TEST_DIR = os.path.join(TRACES, "datasets", "fashion-mnist")
DIGITS_CSV = os.path.join(TRACES, "datasets", "digits", "digits.csv")
DIGITS_TEST_ROWS = os.path.join(TRACES, "datasets", "digits", "test_rows.txt")
ACC_JSON = os.path.join(HERE, "reference_accuracy.json")  # follows --out

FMNIST_MEAN = 0.2860
FMNIST_STD = 0.3530
OPSET = 13


# ----------------------------------------------------------------------------- data

def read_idx_gz(path):
    """Read a (gzipped or plain) IDX file into a numpy uint8 array with its stated shape."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    magic = int.from_bytes(data[0:4], "big")
    if magic >> 8 != 0x08:  # 0x08 = unsigned byte element type
        raise ValueError(f"{path}: not an unsigned-byte IDX file (magic {magic:#010x})")
    ndim = magic & 0xFF
    dims = [int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(ndim)]
    arr = np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim)
    return arr.reshape(dims)


def fmnist_preprocess(images_u8):
    """uint8 [N,28,28] -> float32 [N,1,28,28], normalized as in the dataset README."""
    x = images_u8.astype(np.float32) / 255.0
    x = (x - FMNIST_MEAN) / FMNIST_STD
    return x[:, None, :, :].astype(np.float32)


def load_fmnist(split, fmnist_dir):
    if split == "train":
        d = fmnist_dir
        stem = "train"
    else:
        d = FMNIST_TEST_DIR
        stem = "t10k"
    x = read_idx_gz(os.path.join(d, f"{stem}-images-idx3-ubyte.gz"))
    y = read_idx_gz(os.path.join(d, f"{stem}-labels-idx1-ubyte.gz"))
    return fmnist_preprocess(x), y.astype(np.int64)


def digits_split():
    """Return (x_train, y_train, x_test, y_test) for the digits, per the dataset README."""
    raw = np.loadtxt(DIGITS_CSV, delimiter=",", skiprows=1, dtype=np.int64)
    x = (raw[:, :64].astype(np.float32) / 16.0).astype(np.float32)
    y = raw[:, 64]
    seen = [0] * 10
    test = np.zeros(len(y), dtype=bool)
    for i, label in enumerate(y):
        test[i] = seen[label] % 5 == 4
        seen[label] += 1
    listed = np.loadtxt(DIGITS_TEST_ROWS, dtype=np.int64)
    if not np.array_equal(np.flatnonzero(test), listed):
        raise RuntimeError("digits split rule disagrees with test_rows.txt")
    return x[~test], y[~test], x[test], y[test]


# ----------------------------------------------------------------------------- models

class FmnistMLP(nn.Module):
    """784-256-128-10 MLP; input [N,1,28,28] flattened inside the model (ONNX Flatten)."""

    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten(1)
        self.fc1 = nn.Linear(784, 256)
        self.fc2 = nn.Linear(256, 128)
        self.fc3 = nn.Linear(128, 10)

    def forward(self, x):
        x = self.flatten(x)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


class LeNet5(nn.Module):
    """LeNet-5 with ReLU and max pooling: conv6@5x5 pad2 - pool - conv16@5x5 - pool - 120-84-10."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5, padding=2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.flatten = nn.Flatten(1)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)   # 6x28x28 -> 6x14x14
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)   # 16x10x10 -> 16x5x5
        x = self.flatten(x)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


VGG_CFG = [32, 32, "M", 64, 64, "M", 128, "M"]


class SmallVGG_BN(nn.Module):
    """VGG-style: 3x3 conv (no bias) + BatchNorm + ReLU per VGG_CFG entry, 'M' = maxpool 2,
    then FC 1152-128-10. BatchNorm stays a separate ONNX node (imcsim folds it at import)."""

    def __init__(self):
        super().__init__()
        layers = []
        c_in = 1
        for v in VGG_CFG:
            if v == "M":
                layers.append(nn.MaxPool2d(2))
            else:
                layers += [nn.Conv2d(c_in, v, 3, padding=1, bias=False), nn.BatchNorm2d(v),
                           nn.ReLU()]
                c_in = v
        self.features = nn.Sequential(*layers)      # 28 -> 14 -> 7 -> 3 (floor)
        self.flatten = nn.Flatten(1)
        self.fc1 = nn.Linear(128 * 3 * 3, 128)
        self.fc2 = nn.Linear(128, 10)

    def forward(self, x):
        x = self.flatten(self.features(x))
        x = F.relu(self.fc1(x))
        return self.fc2(x)


class DigitsMLP(nn.Module):
    """64-64-10 MLP on the 8x8 digits; input [N,64]."""

    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(64, 64)
        self.fc2 = nn.Linear(64, 10)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))


# name -> (model class, dataset, epochs, batch size, peak learning rate, weight decay)
RECIPES = {
    "fmnist_mlp": (FmnistMLP, "fashion-mnist", 10, 128, 1e-3, 0.0),
    "fmnist_lenet": (LeNet5, "fashion-mnist", 12, 128, 2e-3, 0.0),
    "fmnist_vgg_bn": (SmallVGG_BN, "fashion-mnist", 6, 128, 2e-3, 5e-4),
    "digits_mlp": (DigitsMLP, "digits", 150, 32, 2e-3, 1e-4),
}


# ----------------------------------------------------------------------------- training

def set_determinism(seed, threads):
    torch.manual_seed(seed)
    np.random.seed(seed)
    torch.set_num_threads(threads)
    torch.use_deterministic_algorithms(True)


def train(name, args):
    cls, dataset, epochs, batch, lr, wd = RECIPES[name]
    if args.epochs is not None:
        epochs = args.epochs
    set_determinism(args.seed, args.threads)
    if dataset == "fashion-mnist":
        x_tr, y_tr = load_fmnist("train", args.fmnist_dir)
        x_te, y_te = load_fmnist("test", args.fmnist_dir)
    else:
        x_tr, y_tr, x_te, y_te = digits_split()
    x_tr_t, y_tr_t = torch.from_numpy(x_tr), torch.from_numpy(y_tr)
    model = cls()
    opt = torch.optim.Adam(model.parameters(), lr=lr, weight_decay=wd)
    steps_per_epoch = (len(y_tr) + batch - 1) // batch
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=lr, epochs=epochs,
                                                steps_per_epoch=steps_per_epoch)
    gen = torch.Generator().manual_seed(args.seed)
    t0 = time.time()
    for epoch in range(epochs):
        model.train()
        perm = torch.randperm(len(y_tr), generator=gen)
        total = 0.0
        for i in range(steps_per_epoch):
            idx = perm[i * batch:(i + 1) * batch]
            opt.zero_grad(set_to_none=True)
            loss = F.cross_entropy(model(x_tr_t[idx]), y_tr_t[idx])
            loss.backward()
            opt.step()
            sched.step()
            total += loss.item() * len(idx)
        acc = torch_top1(model, x_te, y_te)
        print(f"{name} epoch {epoch + 1}/{epochs} loss {total / len(y_tr):.4f} "
              f"test top1 {acc:.4f} ({time.time() - t0:.0f} s)", flush=True)
    model.eval()
    out = os.path.join(args.out, f"{name}.onnx")
    export(model, x_te[:1], out)
    record(name, dataset, out, x_te, y_te, epochs, args.seed)


@torch.no_grad()
def torch_top1(model, x, y, batch=1000):
    model.eval()
    correct = 0
    for i in range(0, len(y), batch):
        pred = model(torch.from_numpy(x[i:i + batch])).argmax(1).numpy()
        correct += int((pred == y[i:i + batch]).sum())
    return correct / len(y)


def export(model, example, path):
    """Legacy (TorchScript) exporter: plain opset-13 ops, batch axis dynamic.

    training=PRESERVE with the model already in eval mode exports BatchNormalization as an
    inference-mode node instead of letting the EVAL peephole pass fuse it into the Conv;
    imcsim's importer does that folding itself and must be tested on a real BN node.
    """
    tmp = path + ".tmp"
    torch.onnx.export(model, (torch.from_numpy(example),), tmp, dynamo=False,
                      opset_version=OPSET, input_names=["input"], output_names=["logits"],
                      dynamic_axes={"input": {0: "N"}, "logits": {0: "N"}},
                      training=torch.onnx.TrainingMode.PRESERVE, do_constant_folding=False)
    import onnx
    m = onnx.load(tmp)
    remove_identities(m)
    onnx.checker.check_model(m, full_check=True)
    onnx.save(m, tmp)
    ops = sorted({n.op_type for n in m.graph.node})
    allowed = {"Conv", "Gemm", "MatMul", "Relu", "MaxPool", "AveragePool", "Flatten",
               "Reshape", "BatchNormalization", "Add"}
    if not set(ops) <= allowed:
        raise RuntimeError(f"{path}: exported ops {ops} outside {sorted(allowed)}")
    os.replace(tmp, path)
    print(f"exported {path}: ops {ops}")


def remove_identities(m):
    """Drop the Identity nodes the exporter emits when two initializers hold equal values
    (it deduplicates them and re-creates the second name with Identity). An Identity fed by an
    initializer becomes a copy of that initializer under the output name; any other Identity
    is bypassed by renaming its consumers' inputs. The graph then uses only compute ops."""
    from onnx import numpy_helper
    inits = {t.name: t for t in m.graph.initializer}
    graph_outputs = {o.name for o in m.graph.output}
    keep = []
    rename = {}
    for n in m.graph.node:
        if n.op_type != "Identity":
            keep.append(n)
            continue
        src, dst = n.input[0], n.output[0]
        if src in inits:
            t = numpy_helper.from_array(numpy_helper.to_array(inits[src]).copy(), dst)
            m.graph.initializer.append(t)
            inits[dst] = t
        elif dst in graph_outputs:
            keep.append(n)
        else:
            rename[dst] = rename.get(src, src)
    del m.graph.node[:]
    for n in keep:
        for i, name in enumerate(n.input):
            if name in rename:
                n.input[i] = rename[name]
        m.graph.node.append(n)


# ----------------------------------------------------------------------------- scoring

def ort_top1(path, x, y, batch=1000):
    import onnxruntime as ort
    so = ort.SessionOptions()
    so.intra_op_num_threads = 1
    so.inter_op_num_threads = 1
    sess = ort.InferenceSession(path, so, providers=["CPUExecutionProvider"])
    name = sess.get_inputs()[0].name
    correct = 0
    for i in range(0, len(y), batch):
        logits = sess.run(None, {name: x[i:i + batch]})[0]
        correct += int((logits.argmax(1) == y[i:i + batch]).sum())
    return correct, len(y)


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        h.update(f.read())
    return h.hexdigest()


def record(name, dataset, path, x_te, y_te, epochs, seed):
    correct, n = ort_top1(path, x_te, y_te)
    acc = json.load(open(ACC_JSON)) if os.path.exists(ACC_JSON) else {}
    entry = {"dataset": dataset, "split": "test" if dataset == "fashion-mnist"
             else "test_rows.txt", "images": n, "correct": correct, "top1": correct / n}
    if epochs is not None:
        entry["epochs"] = epochs
        entry["seed"] = seed
    elif os.path.basename(path) in acc:
        for k in ("epochs", "seed"):
            if k in acc[os.path.basename(path)]:
                entry[k] = acc[os.path.basename(path)][k]
    entry["sha256"] = sha256(path)
    acc[os.path.basename(path)] = entry
    tmp = ACC_JSON + ".tmp"
    with open(tmp, "w") as f:
        json.dump(dict(sorted(acc.items())), f, indent=2)
        f.write("\n")
    os.replace(tmp, ACC_JSON)
    print(f"{os.path.basename(path)}: onnxruntime top1 {correct}/{n} = {correct / n:.4f} "
          f"sha256 {entry['sha256']}")


def evaluate_all(args):
    for name, (_, dataset, *_rest) in RECIPES.items():
        path = os.path.join(args.out, f"{name}.onnx")
        if not os.path.exists(path):
            continue
        if dataset == "fashion-mnist":
            x_te, y_te = load_fmnist("test", args.fmnist_dir)
        else:
            _, _, x_te, y_te = digits_split()
        record(name, dataset, path, x_te, y_te, None, None)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("what", choices=list(RECIPES) + ["all", "eval"])
    p.add_argument("--fmnist-dir", default="/usr/share/datasets/fashion-mnist",
                   help="folder with train-images-idx3-ubyte.gz and train-labels-idx1-ubyte.gz")
    p.add_argument("--out", default=HERE, help="where .onnx files go (default: this folder)")
    p.add_argument("--seed", type=int, default=20240601)
    p.add_argument("--threads", type=int, default=1, help="torch intra-op threads")
    p.add_argument("--epochs", type=int, default=None, help="override the recipe's epochs")
    args = p.parse_args()
    global ACC_JSON
    ACC_JSON = os.path.join(args.out, "reference_accuracy.json")
    print(f"torch {torch.__version__}, numpy {np.__version__}, python {sys.version.split()[0]}")
    if args.what == "eval":
        evaluate_all(args)
    elif args.what == "all":
        for name in RECIPES:
            train(name, args)
    else:
        train(args.what, args)


if __name__ == "__main__":
    main()
