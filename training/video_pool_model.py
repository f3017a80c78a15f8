"""The temporal pooling model of training/video_pool.py and the non-learnt poolings it is compared with.

Why it exists: one place for what turns a clip's keyframe vectors (ordered, timestamped, padded) into one
video vector. TemporalPool: per keyframe, L2-normalised frame vector -> linear, plus an encoding of its time
(t, time to the next / from the previous keyframe, log of that duration, rank, sin/cos of t) -> one pre-LN
transformer block (training/model.py's Block, masked) -> attention-pooling weights over the frames; output =
sum_i w_i * frame_i + a learnt correction. Weights and correction start at uniform / zero, so the untrained
model IS mean pooling. The baselines (mean, duration-weighted, middle, first frame, main-scene oracle) take
the same (frames, times, mask) arguments.
"""
from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from torch import nn

from model import Block, Dense
from video_pool_clips import DIM

N_FREQ = 4


class TemporalPool(nn.Module):
    def __init__(self, dim: int = DIM, width: int = 128, heads: int = 4, use_time: bool = True):
        super().__init__()
        self.use_time = use_time  # False: ablation without any time / order input (a set function)
        self.inp = Dense(dim, width)   # Dense: same maths as nn.Linear, faster training on Debian's BLAS
        self.time = Dense(5 + 2 * N_FREQ, width)
        self.block = Block(width, heads)
        self.ln = nn.LayerNorm(width)
        self.score = nn.Linear(width, 1)
        self.delta = nn.Linear(width, dim)
        for p in (self.score.weight, self.score.bias, self.delta.weight, self.delta.bias):
            nn.init.zeros_(p)  # uniform weights, no correction: starts as exact mean pooling

    def time_features(self, times: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        b = times.shape[0]
        one = torch.ones(b, 1, dtype=times.dtype)
        next_t = torch.cat([times[:, 1:], one], 1)
        next_m = torch.cat([mask[:, 1:], one * 0.0], 1)
        next_t = next_t * next_m + (1.0 - next_m)      # the last keyframe stands until the end (t = 1)
        prev_t = torch.cat([one * 0.0, times[:, :-1]], 1)
        dur = (next_t - times).clamp(min=0.0)
        gap = (times - prev_t).clamp(min=0.0)
        count = mask.sum(1, keepdim=True)
        rank = (torch.cumsum(mask, 1) - 1.0) / (count - 1.0).clamp(min=1.0)
        freqs = torch.tensor([math.pi * 2 ** k for k in range(N_FREQ)], dtype=times.dtype)
        ang = times[..., None] * freqs
        return torch.cat([times[..., None], dur[..., None], gap[..., None], torch.log(dur + 0.01)[..., None],
                          rank[..., None], torch.sin(ang), torch.cos(ang)], -1)

    def forward(self, frames: torch.Tensor, times: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        x = frames / frames.norm(dim=-1, keepdim=True).clamp(min=1e-6)
        h = self.inp(x)
        if self.use_time:
            h = h + self.time(self.time_features(times, mask))
        neg = (1.0 - mask) * -1e4
        h = self.ln(self.block(h, neg[:, None, None, :]))
        w = (self.score(h)[..., 0] + neg).softmax(-1)
        return (w[..., None] * x).sum(1) + self.delta((w[..., None] * h).sum(1))


def mean_pool(frames, times, mask):
    x = F.normalize(frames, dim=-1)
    return (x * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)


def duration_pool(frames, times, mask):
    """Non-learnt baseline: each keyframe weighted by the time it stands for (until the next keyframe)."""
    dur = TemporalPool.time_features(None, times, mask)[..., 1] * mask
    return (F.normalize(frames, dim=-1) * dur[..., None]).sum(1)


def middle_frame(frames, times, mask):
    """The keyframe on screen at mid-time (the last one with t <= 0.5)."""
    idx = ((times <= 0.5) & (mask > 0)).sum(1).clamp(min=1) - 1
    return F.normalize(frames[torch.arange(len(frames)), idx], dim=-1)


def oracle_main_scene(split: dict):
    """Not a method (it reads the generator's ground truth): the mean of the main scene's keyframes only.
    The ceiling for any pooling of these keyframe vectors that aims at the main subject."""
    def pool(frames, times, mask):
        return mean_pool(frames, times, split['main_mask'])
    return pool


def first_frame(frames, times, mask):
    return F.normalize(frames[:, 0], dim=-1)
