"""ONNX export of training/video_pool.py's TemporalPool, its config.json and the parity fixture.

Why it exists: what the app and the catalog tool load (public/models/video-pool/temporal_pool.onnx +
config.json) and what tests/unit/video-pool/parity.test.ts checks onnxruntime-node against (real held-out
clips through the torch model, with their mean-pooled and reversed-order outputs) are written together here.
Graph inputs: frames [B, T, 256] (clip-mini image_embeds, raw or normalised), times [B, T] in [0, 1]
ascending, mask [B, T] (1 = keyframe, 0 = padding after the keyframes); output video_embeds [B, 256], not
normalised. Same opset as the clip-mini export (export.OPSET).
"""
from __future__ import annotations

import json
import warnings
from pathlib import Path

import torch
from torch import nn

from export import OPSET
from video_pool_clips import DIM, MAX_FRAMES
from video_pool_model import TemporalPool, mean_pool

DATE = '2026-11-29'


class PoolExport(nn.Module):
    def __init__(self, pool: TemporalPool):
        super().__init__()
        self.pool = pool

    def forward(self, frames, times, mask):
        return self.pool(frames, times, mask)


def export_pool(pool: TemporalPool, command: str, model_id: str, split: dict, export_dir: Path, fixture_path: Path) -> dict:
    """Writes export_dir/temporal_pool.onnx (checked by onnx.checker), export_dir/config.json and fixture_path."""
    import onnx
    export_dir.mkdir(parents=True, exist_ok=True)
    warnings.filterwarnings('ignore', category=UserWarning)
    warnings.filterwarnings('ignore', category=torch.jit.TracerWarning)
    path = export_dir / 'temporal_pool.onnx'
    ex = (torch.randn(1, 7, DIM), torch.linspace(0, 0.9, 7)[None], torch.ones(1, 7))
    torch.onnx.export(PoolExport(pool).eval(), ex, str(path), input_names=['frames', 'times', 'mask'],
                      output_names=['video_embeds'],
                      dynamic_axes={'frames': {0: 'batch_size', 1: 'num_frames'}, 'times': {0: 'batch_size', 1: 'num_frames'},
                                    'mask': {0: 'batch_size', 1: 'num_frames'}, 'video_embeds': {0: 'batch_size'}},
                      opset_version=OPSET, do_constant_folding=True)
    onnx.checker.check_model(onnx.load(str(path)), full_check=True)
    cfg = {'baseModel': model_id, 'dim': DIM, 'maxFrames': MAX_FRAMES, 'trained': DATE, 'command': command,
           'inputs': {'frames': 'float32 [1, T, 256]: clip-mini image_embeds of the keyframes, in time order',
                      'times': 'float32 [1, T]: keyframe time / clip duration, ascending, in [0, 1]',
                      'mask': 'float32 [1, T]: 1 for a keyframe, 0 for padding (padding after the keyframes)'},
           'output': 'video_embeds float32 [1, 256], not normalised (L2-normalise before cosine search)',
           'opset': OPSET, 'file': 'temporal_pool.onnx'}
    (export_dir / 'config.json').write_text(json.dumps(cfg, indent=1) + '\n')
    # Parity fixture: real held-out clips through the torch model, plus padded and reordered variants.
    cases = []
    with torch.no_grad():
        picks = [i for i in range(len(split['mask'])) if split['mask'][i].sum() >= 3][:6]
        for i in picks:
            k = int(split['mask'][i].sum())
            fr, ti = split['frames'][i:i + 1, :k], split['times'][i:i + 1, :k]
            ma = torch.ones(1, k)
            case = {'frames': fr[0].tolist(), 'times': ti[0].tolist(), 'mask': ma[0].tolist(),
                    'video_embeds': pool(fr, ti, ma)[0].tolist(),
                    'mean_pooled': mean_pool(fr, ti, ma)[0].tolist()}
            rev = fr.flip(1)
            case['reversed_video_embeds'] = pool(rev, ti, ma)[0].tolist()
            cases.append(case)
    fixture = {'model': 'public/models/video-pool/temporal_pool.onnx', 'base_model': model_id, 'dim': DIM,
               'max_frames': MAX_FRAMES, 'cases': cases,
               'note': 'Written by training/video_pool.py from the torch model (held-out test clips); '
                       'tests/unit/video-pool/parity.test.ts compares onnxruntime-node to it.'}
    fixture_path.parent.mkdir(parents=True, exist_ok=True)
    fixture_path.write_text(json.dumps(fixture) + '\n')
    return {'onnx_bytes': path.stat().st_size, 'fixture_cases': len(cases)}

