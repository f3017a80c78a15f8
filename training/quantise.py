"""Weight-only int8 quantisation of the clip-mini text tower, for a smaller download.

The text tower ships in the offline install, so its size counts: fp32 it is 5.8 MB (4.1 MB of it the
8,000 x 128 token table). Weight-only, symmetric int8 with one scale per output channel (per token row
for the table) makes it 4x smaller; activations stay fp32.

Two halves that must agree exactly:
  fake_quantise_text(model)  rounds the torch weights in place to q * scale, so the torch model IS the
                             quantised model: the parity fixture, evaluate.py and every later use of the
                             checkpoint see the same numbers as the browser.
  int8_initializers(path)    rewrites the exported ONNX: every weight that is exactly q * scale per row or
                             column becomes an int8 initializer + Cast and Mul nodes that restore the
                             fp32 tensor when the session starts (constant folding).
Debian's python3-onnx has no onnxruntime quantiser, hence this file (about 80 lines).
"""
from __future__ import annotations

import numpy as np
import onnx
import torch
from onnx import helper, numpy_helper

MIN_ELEMENTS = 4096  # biases, LayerNorm and the position table stay fp32


def _scales(w: np.ndarray | torch.Tensor, axis: int):
    """Per-channel scale along `axis` (the kept axis): max |w| over the other axis / 127, 1 where all zero."""
    if isinstance(w, torch.Tensor):
        s = w.abs().amax(dim=1 - axis) / 127.0
        return torch.where(s > 0, s, torch.ones_like(s))
    s = np.abs(w).max(axis=1 - axis) / np.float32(127.0)
    return np.where(s > 0, s, np.float32(1.0)).astype(np.float32)


@torch.no_grad()
def fake_quantise_text(model) -> int:
    """Rounds the text tower's token table (per row) and linear weights (per output row) to int8 steps.

    Returns the number of tensors rounded. Idempotent: a second call changes nothing.
    """
    n = 0
    for name, p in model.text.named_parameters():
        if p.dim() != 2 or p.numel() < MIN_ELEMENTS:
            continue
        s = _scales(p, 0)[:, None]
        p.copy_(torch.clamp(torch.round(p / s), -127, 127) * s)
        n += 1
    return n


def int8_initializers(path: str) -> dict:
    """Replaces each 2-D fp32 initializer that is exactly int8 * per-channel scale by int8 + Cast * scale.

    A weight of the token table is quantised per row (axis 0); a MatMul weight is stored [in, out] in
    ONNX, so the torch row (output channel) is its column (axis 1). Both axes are tried; a tensor that is
    not on an int8 grid (not fake-quantised) is left as it is. Returns {name: axis} of what was rewritten.
    """
    model = onnx.load(path)
    graph = model.graph
    done: dict[str, int] = {}
    keep = []
    dequantise = []
    for init in graph.initializer:
        w = numpy_helper.to_array(init)
        axis = None
        if w.dtype == np.float32 and w.ndim == 2 and w.size >= MIN_ELEMENTS:
            for a in (0, 1):
                s = _scales(w, a)
                q = w / (s[:, None] if a == 0 else s[None, :])
                if np.abs(q - np.round(q)).max() < 1e-3 and np.abs(q).max() <= 127.5:
                    axis = a
                    break
        if axis is None:
            keep.append(init)
            continue
        q8 = np.clip(np.round(q), -127, 127).astype(np.int8)
        keep.append(numpy_helper.from_array(q8, init.name + '_int8'))
        scale = s[:, None] if axis == 0 else s[None, :]
        keep.append(numpy_helper.from_array(scale, init.name + '_scale'))
        # Cast + Mul, not DequantizeLinear: onnxruntime's extended optimisations fuse DequantizeLinear ->
        # MatMul into an integer MatMul that also quantises the activations (measured: max |diff| 0.014
        # against torch, vs 1.7e-6 this way). Cast + Mul of constants is folded into an fp32 weight when the
        # session starts, so the browser computes exactly the fake-quantised torch model.
        dequantise.append(helper.make_node('Cast', [init.name + '_int8'], [init.name + '_f32'],
                                           name=init.name + '_cast', to=onnx.TensorProto.FLOAT))
        dequantise.append(helper.make_node('Mul', [init.name + '_f32', init.name + '_scale'], [init.name],
                                           name=init.name + '_dequantise'))
        done[init.name] = axis
    del graph.initializer[:]
    graph.initializer.extend(keep)
    nodes = dequantise + list(graph.node)
    del graph.node[:]
    graph.node.extend(nodes)
    onnx.checker.check_model(model, full_check=True)
    onnx.save(model, path)
    return done
