#!/usr/bin/env python3
"""Vectorized PyTorch (CPU) reference of bit-sliced, bit-serial, ADC-quantized crossbar inference.

This is the speed yardstick of issue 5 §6: imcsim's Java kernel should be at least as fast as
this straightforward, vectorized PyTorch implementation of the same computation, measured on the
same machine. It follows ../../../shared/MODEL.md §1-4 (the imcsim model contract) for the
default scenario:

  * network: traces/models/fmnist_lenet.onnx (any linear chain of Conv/Gemm/Relu/MaxPool/
    Flatten works), read straight from the ONNX file;
  * weights: per-layer symmetric 8-bit, s_w = max|W|/127, q = clamp(rint(W/s_w), -127, 127);
  * signed weights: differential, q+ = max(q,0) and q- = max(-q,0) on two arrays, subtracted
    DIGITALLY after the ADCs;
  * bit slicing: the 7-bit magnitude in 2-bit cells -> S = 4 slices (slice s = bits
    [2s, 2s+2), the top slice holds bit 6 only), levels 0..3;
  * inputs: 8-bit, scale from the max over calibration images, s_x = max/255 and
    x_q = clamp(rint(x/s_x), 0, 255) when the layer input is non-negative (post-ReLU);
    a layer whose calibration input has negative values (only the first layer: the normalized
    image) is fed in 8-bit two's complement, s_x = max|x|/127, x_q = clamp(rint(x/s_x),
    -128, 127), bit-plane 7 weighted -2^7;
  * 1-bit DAC: 8 bit-serial input cycles per vector;
  * tiling: 128-row crossbars; a layer with fan-in K (C*kh*kw for conv, im2col) has
    ceil(K/128) row-blocks whose partial sums add digitally (columns never interact without
    IR drop, so column tiling does not change the numbers and is not materialised);
  * ADC: 5 bits per column per (input bit, weight slice, row-block, array) partial sum, in
    level units; range 'full' (default): lo = 0, hi = rows_used_in_block * (L-1) * (2^dac-1)
    = rows_used * 3 * 1; code c = clamp(rint(p/hi * 31), 0, 31); value = rint(c * hi/31).
    Option --adc-range calibrated: hi = the --adc-percentile percentile of the partial sums
    seen on the calibration images, per (layer, row-block);
  * programming noise: each cell's conductance, in level units after removing Gmin,
    is level + N(0, sigma), sigma = 0.03 * (L-1) level steps (3 % of Gmax-Gmin), drawn once
    per chip from a seeded generator, not clipped;
  * shift-add y = sum_k sum_s (+/-) 2^k * 4^s * p(k, s) over both arrays and row-blocks, then
    y * s_w * s_x + bias in float; ReLU and max pooling in float.

Vectorization: the 8 input bit-planes of a whole batch are stacked as 8*B images; per layer and
row-block ONE matmul of the [2 arrays * 4 slices * N columns, rows] conductance matrix with the
im2col columns of all 8*B plane images (a batched matmul over output positions for conv, a
plain [8*B, rows] x [rows, 2*4*N] product for fc) gives every partial sum at once; the ADC is
an in-place elementwise op on that tensor and shift-add a weighted reduction (tensordot over
bit-planes, einsum over arrays and slices).

Usage:
  python3 traces/models/torch_crossbar_baseline.py --images 2000 --threads 2 --batch 100
  python3 traces/models/torch_crossbar_baseline.py --check     # exactness self-test
"""
import argparse
import gzip
import math
import os
import time

import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
TRACES = os.path.dirname(HERE)
FMNIST_DIR = os.path.join(TRACES, "datasets", "fashion-mnist")
FMNIST_MEAN, FMNIST_STD = 0.2860, 0.3530


# ----------------------------------------------------------------------------- inputs

def read_idx_gz(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    ndim = data[3]
    dims = [int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(ndim)]
    return np.frombuffer(data, np.uint8, offset=4 + 4 * ndim).reshape(dims)


def load_fmnist_test():
    x = read_idx_gz(os.path.join(FMNIST_DIR, "t10k-images-idx3-ubyte.gz"))
    y = read_idx_gz(os.path.join(FMNIST_DIR, "t10k-labels-idx1-ubyte.gz"))
    x = (x.astype(np.float32) / 255.0 - FMNIST_MEAN) / FMNIST_STD
    return torch.from_numpy(x[:, None].astype(np.float32)), torch.from_numpy(y.astype(np.int64))


def load_chain(path):
    """Read an ONNX linear chain into a list of (op, params) with torch tensors."""
    import onnx
    from onnx import numpy_helper
    m = onnx.load(path)
    inits = {t.name: torch.from_numpy(numpy_helper.to_array(t).copy())
             for t in m.graph.initializer}
    layers = []
    current = m.graph.input[0].name
    for n in m.graph.node:
        if n.input[0] != current:
            raise ValueError(f"{path}: node {n.name} ({n.op_type}) breaks the linear chain")
        current = n.output[0]
        attrs = {a.name: onnx.helper.get_attribute_value(a) for a in n.attribute}
        if n.op_type == "Conv":
            if attrs.get("group", 1) != 1 or any(d != 1 for d in attrs.get("dilations", [1])):
                raise ValueError(f"{n.name}: only group=1, dilation=1 convolutions")
            pads = attrs.get("pads", [0, 0, 0, 0])
            if pads[0] != pads[2] or pads[1] != pads[3]:
                raise ValueError(f"{n.name}: asymmetric pads {pads}")
            w = inits[n.input[1]]
            b = inits[n.input[2]] if len(n.input) > 2 else torch.zeros(w.shape[0])
            layers.append(("conv", dict(w=w, b=b, pad=(pads[0], pads[1]),
                                        stride=tuple(attrs.get("strides", [1, 1])))))
        elif n.op_type == "Gemm":
            if attrs.get("transA", 0) or attrs.get("alpha", 1.0) != 1.0 \
                    or attrs.get("beta", 1.0) != 1.0:
                raise ValueError(f"{n.name}: only Gemm with transA=0, alpha=beta=1")
            w = inits[n.input[1]]
            if not attrs.get("transB", 0):
                w = w.t().contiguous()
            b = inits[n.input[2]] if len(n.input) > 2 else torch.zeros(w.shape[0])
            layers.append(("fc", dict(w=w, b=b)))
        elif n.op_type == "Relu":
            layers.append(("relu", {}))
        elif n.op_type == "MaxPool":
            if attrs.get("pads", [0, 0, 0, 0]) != [0, 0, 0, 0]:
                raise ValueError(f"{n.name}: padded MaxPool not supported")
            layers.append(("maxpool", dict(k=tuple(attrs["kernel_shape"]),
                                           s=tuple(attrs.get("strides", attrs["kernel_shape"])))))
        elif n.op_type == "Flatten":
            if attrs.get("axis", 1) != 1:
                raise ValueError(f"{n.name}: only Flatten axis=1")
            layers.append(("flatten", {}))
        else:
            raise ValueError(f"{path}: node {n.name}: op {n.op_type} not supported here")
    return layers


# ----------------------------------------------------------------------------- the crossbar

class CrossbarLayer:
    """One Conv/Gemm layer mapped on 128-row differential crossbars with bit-sliced weights.

    Weights are held as conductances in level units: g[r] is [rows_r, 2*S*N] for row-block r,
    columns ordered (array +/-, slice s, output n). Partial sums, ADC codes and shift-add
    follow MODEL.md §2-3 exactly; see the module docstring for the constants.
    """

    def __init__(self, kind, w, b, cfg, extra):
        self.kind, self.b, self.cfg, self.extra = kind, b, cfg, extra
        n_out = w.shape[0]
        w2 = w.reshape(n_out, -1).t().contiguous().double()          # [K, N]
        self.k_in, self.n_out = w2.shape
        qmax = 2 ** (cfg.weight_bits - 1) - 1
        self.s_w = float(w2.abs().max()) / qmax
        self.q = torch.clamp(torch.round(w2 / self.s_w), -qmax, qmax).to(torch.int64)
        mag_bits = cfg.weight_bits - 1
        self.slices = math.ceil(mag_bits / cfg.cell_bits)
        self.levels = 2 ** cfg.cell_bits
        pos, neg = self.q.clamp(min=0), (-self.q).clamp(min=0)
        sl = []                                                        # [2, S, K, N]
        for arr in (pos, neg):
            sl.append(torch.stack([(arr >> (s * cfg.cell_bits)) & (self.levels - 1)
                                   for s in range(self.slices)]))
        self.target = torch.stack(sl).to(torch.float32)               # levels 0..L-1
        self.blocks = [(r0, min(r0 + cfg.rows, self.k_in))
                       for r0 in range(0, self.k_in, cfg.rows)]
        # shift-add weight per (array, slice): +/- 2^(s*cellBits)
        sign = torch.tensor([1.0, -1.0]).view(2, 1)
        self.slice_coef = (sign * torch.tensor([float(2 ** (s * cfg.cell_bits))
                                                for s in range(self.slices)]).view(1, -1))
        self.s_x = None
        self.signed_input = None
        self.adc_hi = None

    def program(self, gen):
        """Program one chip: conductance = target level + N(0, sigma) in level units."""
        sigma = self.cfg.prog_sigma * (self.levels - 1)
        g = self.target
        if sigma > 0:
            g = g + sigma * torch.randn(g.shape, generator=gen, dtype=torch.float32)
        # per row-block weight matrix [rows, 2*S*N], columns (array, slice, n)
        g = g.permute(2, 0, 1, 3).reshape(self.k_in, -1)
        self.g = [g[r0:r1].contiguous() for r0, r1 in self.blocks]
        self.gt = [gb.t().contiguous() for gb in self.g]               # [J, rows] for conv

    def calibrate_input(self, x):
        """Set the input scale from float inputs seen on calibration images."""
        bits = self.cfg.input_bits
        self.signed_input = bool((x < 0).any())
        if self.signed_input:
            self.s_x = float(x.abs().max()) / (2 ** (bits - 1) - 1)
        else:
            self.s_x = float(x.max()) / (2 ** bits - 1)
        coef = [float(2 ** k) for k in range(bits)]
        if self.signed_input:
            coef[-1] = -coef[-1]
        self.bit_coef = torch.tensor(coef)

    def quantize_input(self, x):
        bits = self.cfg.input_bits
        if self.signed_input:
            lo, hi = -(2 ** (bits - 1)), 2 ** (bits - 1) - 1
        else:
            lo, hi = 0, 2 ** bits - 1
        return torch.clamp(torch.round(x / self.s_x), lo, hi).to(torch.int32)

    def im2col(self, t):
        """Float [B', C, H, W] (conv) -> [B', K, L] columns (L = output positions), or
        [B', K] (fc) unchanged; plus the conv output size (Ho, Wo)."""
        if self.kind == "fc":
            return t, None
        e = self.extra
        cols = F.unfold(t, self.weight_hw, padding=e["pad"], stride=e["stride"])
        ho = (t.shape[2] + 2 * e["pad"][0] - self.weight_hw[0]) // e["stride"][0] + 1
        wo = (t.shape[3] + 2 * e["pad"][1] - self.weight_hw[1]) // e["stride"][1] + 1
        return cols, (ho, wo)

    def plane_cols(self, x):
        """Quantize a float layer input and split it into 1-bit DAC planes, as crossbar input
        columns: [T_in * B, K, L] for conv, [T_in * B, K] for fc (plane-major), plus the conv
        output size. Bits are taken from the 8-bit two's complement pattern, so a signed
        input's top plane is its sign bit (weighted -2^7 in shift-add). Planes are cut before
        im2col, on B*C*H*W values rather than on the kh*kw-times larger im2col matrix."""
        bits = self.cfg.input_bits
        u = (self.quantize_input(x) & (2 ** bits - 1)).to(torch.uint8)
        shifts = torch.arange(bits, dtype=torch.uint8).view((bits,) + (1,) * u.dim())
        planes = ((u.unsqueeze(0) >> shifts) & 1).to(torch.float32)  # [T, B, ...]
        return self.im2col(planes.reshape((-1,) + tuple(u.shape[1:])))

    def partial_sums(self, cols, block):
        """Every analog partial sum of one row-block in level units: [T_in * B, J, L] with
        J = 2 arrays * S slices * N columns (L = 1 for fc). One (batched) matmul."""
        r0, r1 = self.blocks[block]
        if self.kind == "fc":
            return (cols[:, r0:r1] @ self.g[block]).unsqueeze(2)
        return torch.matmul(self.gt[block], cols[:, r0:r1, :])

    def adc(self, p, block):
        """Quantize partial sums p (level units) in place: code, then its digital value."""
        hi = self.adc_hi[block]
        steps = 2 ** self.cfg.adc_bits - 1
        p.mul_(steps / hi).round_().clamp_(0, steps)                  # ADC output code
        return p.mul_(hi / steps).round_()                             # integer level units

    def shift_add(self, d, dtype=torch.float32):
        """[T*B, J, L] digitized partial sums -> [B, N, L]: sum_k sum_s +/-2^k 4^s p."""
        bits = self.cfg.input_bits
        d = d.view(bits, -1, 2, self.slices, self.n_out, d.shape[2]).to(dtype)
        d = torch.tensordot(self.bit_coef.to(dtype), d, dims=([0], [0]))  # [B, 2, S, N, L]
        return torch.einsum("basnl,as->bnl", d, self.slice_coef.to(dtype))

    def forward(self, x):
        cols, out_hw = self.plane_cols(x)
        acc = None
        for blk in range(len(self.blocks)):
            y_blk = self.shift_add(self.adc(self.partial_sums(cols, blk), blk))
            acc = y_blk if acc is None else acc.add_(y_blk)           # digital accumulation
        y = acc * (self.s_w * self.s_x) + self.b.view(1, -1, 1)         # [B, N, L]
        if self.kind == "conv":
            return y.view(y.shape[0], self.n_out, out_hw[0], out_hw[1])
        return y.squeeze(2)

    def integer_product(self, x):
        """The exact integer matrix product the crossbar must reproduce, as [B, N, L]."""
        cols, _ = self.im2col(self.quantize_input(x).to(torch.float64))
        if self.kind == "fc":
            return (cols.to(torch.int64) @ self.q).unsqueeze(2)
        return torch.einsum("bkl,kn->bnl", cols.to(torch.int64), self.q)


class CrossbarNet:
    def __init__(self, chain, cfg):
        self.ops = []
        for op, p in chain:
            if op in ("conv", "fc"):
                layer = CrossbarLayer(op, p["w"], p["b"], cfg, p)
                if op == "conv":
                    layer.weight_hw = tuple(p["w"].shape[2:])
                self.ops.append(("xbar", layer))
            else:
                self.ops.append((op, p))
        self.cfg = cfg

    @staticmethod
    def float_op(op, p, x):
        if op == "relu":
            return F.relu(x)
        if op == "maxpool":
            return F.max_pool2d(x, p["k"], p["s"])
        if op == "flatten":
            return x.flatten(1)
        if op == "conv":
            return F.conv2d(x, p["w"], p["b"], stride=p["stride"], padding=p["pad"])
        if op == "fc":
            return F.linear(x, p["w"], p["b"])
        raise ValueError(op)

    def float_forward(self, x):
        for op, p in self.ops:
            if op == "xbar":
                x = self.float_op(p.kind, dict(p.extra), x)
            else:
                x = self.float_op(op, p, x)
        return x

    def calibrate(self, x):
        """Input scales from the float network; ADC ranges ('full' or from partial sums)."""
        for op, p in self.ops:
            if op == "xbar":
                p.calibrate_input(x)
                x = self.float_op(p.kind, dict(p.extra), x)
            else:
                x = self.float_op(op, p, x)

    def set_adc_ranges(self, x_calib):
        cfg = self.cfg
        full_scale = (2 ** cfg.cell_bits - 1) * (2 ** cfg.dac_bits - 1)
        for op, p in self.ops:
            if op == "xbar":
                p.adc_hi = [float((r1 - r0) * full_scale) for r0, r1 in p.blocks]
        if cfg.adc_range == "full":
            return
        x = x_calib
        for op, p in self.ops:          # calibrated: percentile of ideal partial sums
            if op == "xbar":
                cols, _ = p.plane_cols(x)
                for blk in range(len(p.blocks)):
                    ps = p.partial_sums(cols, blk).flatten()
                    ps = ps[torch.randperm(ps.numel(), generator=torch.Generator()
                                           .manual_seed(0))[:2_000_000]]
                    p.adc_hi[blk] = max(1.0, float(torch.quantile(ps, cfg.adc_percentile / 100)))
                x = p.forward(x)
            else:
                x = self.float_op(op, p, x)

    def program(self, seed):
        gen = torch.Generator().manual_seed(seed)
        for op, p in self.ops:
            if op == "xbar":
                p.program(gen)

    def forward(self, x):
        for op, p in self.ops:
            x = p.forward(x) if op == "xbar" else self.float_op(op, p, x)
        return x


# ----------------------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description="vectorized PyTorch crossbar inference baseline")
    ap.add_argument("--model", default=os.path.join(HERE, "fmnist_lenet.onnx"))
    ap.add_argument("--images", type=int, default=1000, help="test images to classify")
    ap.add_argument("--threads", type=int, default=2, help="torch intra-op threads")
    ap.add_argument("--batch", type=int, default=100, help="images per vectorized batch")
    ap.add_argument("--calib-images", type=int, default=16,
                    help="calibration images, taken from the END of the test set")
    ap.add_argument("--chips", type=int, default=1, help="independently programmed chips")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rows", type=int, default=128)
    ap.add_argument("--cell-bits", type=int, default=2)
    ap.add_argument("--weight-bits", type=int, default=8)
    ap.add_argument("--input-bits", type=int, default=8)
    ap.add_argument("--adc-bits", type=int, default=5)
    ap.add_argument("--adc-range", choices=["full", "calibrated"], default="full")
    ap.add_argument("--adc-percentile", type=float, default=99.9)
    ap.add_argument("--prog-sigma", type=float, default=0.03,
                    help="programming sigma as a fraction of Gmax-Gmin")
    ap.add_argument("--check", action="store_true",
                    help="self-test: ideal device + 9-bit ADC must equal the integer product")
    cfg = ap.parse_args()
    cfg.dac_bits = 1
    torch.set_num_threads(cfg.threads)
    x_all, y_all = load_fmnist_test()
    chain = load_chain(cfg.model)
    if cfg.check:
        return self_check(chain, cfg, x_all)
    n = min(cfg.images, len(y_all) - cfg.calib_images)
    x_cal = x_all[len(y_all) - cfg.calib_images:]
    x, y = x_all[:n], y_all[:n]

    net = CrossbarNet(chain, cfg)
    with torch.inference_mode():
        net.calibrate(x_cal)
        net.program(cfg.seed)
        net.set_adc_ranges(x_cal)
        float_top1 = float((net.float_forward(x).argmax(1) == y).float().mean())
        net.forward(x[:cfg.batch])                       # warm-up batch (allocator, MKL init)
        accs = []
        t_total = 0.0
        for chip in range(cfg.chips):
            net.program(cfg.seed * 1000003 + chip)
            correct = 0
            t0 = time.perf_counter()
            for i in range(0, n, cfg.batch):
                logits = net.forward(x[i:i + cfg.batch])
                correct += int((logits.argmax(1) == y[i:i + cfg.batch]).sum())
            t_total += time.perf_counter() - t0
            accs.append(correct / n)
    ips = n * cfg.chips / t_total
    print(f"model {os.path.basename(cfg.model)}  images {n}  chips {cfg.chips}  "
          f"threads {cfg.threads}  batch {cfg.batch}")
    print(f"scenario: {cfg.rows}-row crossbars, {cfg.cell_bits}-bit cells, "
          f"{cfg.weight_bits}-bit weights (differential, digital subtraction), "
          f"{cfg.input_bits}-bit inputs, 1-bit DAC, {cfg.adc_bits}-bit ADC ({cfg.adc_range}), "
          f"programming sigma {cfg.prog_sigma:.3f} of Gmax-Gmin")
    print(f"float top1 {float_top1:.4f}  crossbar top1 "
          f"{np.mean(accs):.4f} +- {np.std(accs):.4f}  (per chip {[round(a, 4) for a in accs]})")
    print(f"throughput {ips:.1f} images/s  ({t_total:.2f} s inference; calibration, "
          f"programming and one warm-up batch excluded)")


def self_check(chain, cfg, x_all):
    """Ideal device, ADC with ceil(log2(rows*3+1)) bits, full range: every crossbar layer's
    digital output must equal the integer matrix product exactly (MODEL.md §3)."""
    cfg.prog_sigma = 0.0
    cfg.adc_bits = math.ceil(math.log2(cfg.rows * (2 ** cfg.cell_bits - 1) + 1))
    cfg.adc_range = "full"
    net = CrossbarNet(chain, cfg)
    x = x_all[:8]
    with torch.inference_mode():
        net.calibrate(x_all[-cfg.calib_images:])
        net.program(0)
        net.set_adc_ranges(None)
        for op, p in net.ops:
            if op == "xbar":
                exact = p.integer_product(x)
                cols, _ = p.plane_cols(x)
                acc = sum(p.shift_add(p.adc(p.partial_sums(cols, blk), blk), torch.float64)
                          for blk in range(len(p.blocks)))
                diff = (acc - exact.double()).abs().max().item()
                print(f"layer {p.kind} K={p.k_in} N={p.n_out} blocks={len(p.blocks)} "
                      f"signed_input={p.signed_input}: max |crossbar - integer| = {diff}")
                if diff != 0:
                    raise SystemExit("exactness check FAILED")
                x = p.forward(x)
            else:
                x = net.float_op(op, p, x)
    print(f"exactness check passed ({cfg.adc_bits}-bit ADC, ideal device)")


if __name__ == "__main__":
    main()
