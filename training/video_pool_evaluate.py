"""Evaluation for training/video_pool.py: text -> video retrieval, order sensitivity, and the start-up checks.

Why it exists: every pooling (learnt or baseline) is scored the same way, per round of held-out clips in
which every test emoji is the main subject of exactly one clip (train.recall_at over label queries embedded
with evaluate.embed_texts). It also holds the two checks run before training: that the loaded checkpoint is
the shipped clip-mini (the parity fixture the ONNX export is tested with) and whether the text tower can
tell 'X then Y' from 'Y then X'.
"""
from __future__ import annotations

import base64
import json
import random
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

from evaluate import embed_texts
from model import ClipMini
from train import Corpus, recall_at, tensors
from video_pool_clips import embed_images


@torch.no_grad()
def retrieval(split: dict, queries: dict[str, torch.Tensor], pool) -> dict:
    """Text -> video, per round (every emoji is the main subject of one clip per round); mean over rounds."""
    v = F.normalize(pool(split['frames'], split['times'], split['mask']), dim=-1)
    n = len(split['ids'])
    res = {}
    for lang, q in queries.items():
        acc = {'R@1': 0.0, 'R@5': 0.0, 'R@10': 0.0}
        for r in range(split['rounds']):
            sl = slice(r * n, (r + 1) * n)
            clip_of = torch.empty(n, dtype=torch.long)
            clip_of[split['main'][sl]] = torch.arange(n)
            sim = q @ v[sl][clip_of].t()   # row i: query of emoji i; column i: its clip
            for k, val in recall_at(sim).items():
                acc[k] += 100.0 * val / split['rounds']
        res[lang] = acc
    return res


def reorder(split: dict, how: str, seed: int = 0) -> dict:
    """The same keyframes in another order on the same time grid (valid frames only; padding stays)."""
    out = dict(split)
    frames = split['frames'].clone()
    g = torch.Generator().manual_seed(seed)
    for i, k in enumerate(split['mask'].sum(1).long().tolist()):
        perm = torch.arange(k - 1, -1, -1) if how == 'reversed' else torch.randperm(k, generator=g)
        frames[i, :k] = split['frames'][i, perm]
    out['frames'] = frames
    return out


@torch.no_grad()
def order_effect(split: dict, queries: dict, pool) -> dict:
    base = F.normalize(pool(split['frames'], split['times'], split['mask']), dim=-1)
    res = {}
    for how in ('reversed', 'shuffled'):
        alt = reorder(split, how)
        v = F.normalize(pool(alt['frames'], alt['times'], alt['mask']), dim=-1)
        multi = split['mask'].sum(1) > 1
        q = queries['en']
        top_a = (q @ base.t()).argmax(1)
        top_b = (q @ v.t()).argmax(1)
        res[how] = {'mean_cosine_to_original': float((base * v).sum(1)[multi].mean()),
                    'min_cosine_to_original': float((base * v).sum(1)[multi].min()),
                    'top1_changed_pct_en_all_clips': 100.0 * float((top_a != top_b).float().mean()),
                    'recall': retrieval(alt, queries, pool)}
    return res


@torch.no_grad()
def text_order_check(model, corpus: Corpus, items: list[dict], seed: int = 0) -> dict:
    """Can the text tower tell 'X then Y' from 'Y then X'? Cosines over random pairs of held-out labels."""
    rng = random.Random(seed)
    res = {}
    for lang, fmt in (('en', '{} then {}'), ('ko', '{} 다음에 {}')):
        pairs = [rng.sample(items, 2) for _ in range(200)]
        xs = [a[lang]['label'] for a, b in pairs]
        ys = [b[lang]['label'] for a, b in pairs]
        xy = embed_texts(model, corpus, [fmt.format(x, y) for x, y in zip(xs, ys)])
        yx = embed_texts(model, corpus, [fmt.format(y, x) for x, y in zip(xs, ys)])
        ex, ey = embed_texts(model, corpus, xs), embed_texts(model, corpus, ys)
        res[lang] = {'cos(XthenY, YthenX)': float((xy * yx).sum(1).mean()),
                     'cos(XthenY, X)': float((xy * ex).sum(1).mean()),
                     'cos(XthenY, Y)': float((xy * ey).sum(1).mean()),
                     'cos(X, Y)': float((ex * ey).sum(1).mean())}
    return res


@torch.no_grad()
def clip_parity(model: ClipMini, corpus: Corpus, fixture: Path) -> dict:
    """The loaded checkpoint against the fixture the shipped ONNX is tested with (tests/unit/clip)."""
    fx = json.loads(fixture.read_text())
    img = np.stack([np.frombuffer(base64.b64decode(i['rgb_base64']), np.uint8).reshape(64, 64, 3) for i in fx['images']])
    got = embed_images(model, img)
    want = torch.tensor([i['image_embeds'] for i in fx['images']])
    texts = [t['text'] for t in fx['texts']]
    got_t = model.text(*tensors(corpus.tok, texts))
    want_t = torch.tensor([t['text_embeds'] for t in fx['texts']])
    return {'images': len(img), 'image_max_abs': float((got - want).abs().max()),
            'texts': len(texts), 'text_max_abs': float((got_t - want_t).abs().max())}

