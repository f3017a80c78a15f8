"""Temporal pooling for video items: keyframe vectors (ordered, timestamped) -> one video vector.

Mirrors the demo's generated video catalog: 1-3 scenes, each a Noto emoji (sometimes with a smaller second
one) on a plain background, moving across / zooming / holding still, with hard cuts between scenes,
optional fades and blank holds. Keyframes are picked the way the catalog's extractor does it: the first
frame, the first frame after every cut, then the rest of a 4-12 frame budget placed where the frame
difference (motion) is. Every keyframe goes through the frozen clip-mini vision tower (the shipped
checkpoint, checked against the parity fixture the ONNX export is tested with).

Task: the caption names the subject of the clip's MAIN scene (the longest one in time). Adaptive
keyframes over-sample moving scenes, so a short moving scene can own most keyframes while the main
scene is a single still frame; the clip's timestamps say how long each keyframe stands for. Each subject
of a clip is the main subject of a sibling clip (same subjects, another scene is the longest), so the
test set holds look-alike clips that only the durations tell apart. Emojis are split as clip-mini was
split: clips are built from train / val / test emojis only, so the test subjects (and their captions)
were seen neither by clip-mini nor by the pooler.

Model (TemporalPool): per keyframe, L2-normalised frame vector -> linear, plus an encoding of its time
(t, time to the next / from the previous keyframe, log of that duration, rank, sin/cos of t) -> one
pre-LN transformer block (training/model.py's Block, masked) -> attention-pooling weights over the
frames; output = sum_i w_i * frame_i + a learnt correction. Weights and correction start at uniform /
zero, so the untrained model IS mean pooling. Trained with InfoNCE against frozen text embeddings.

Inputs of the ONNX graph: frames [B, T, 256] (the vision tower's image_embeds, raw or normalised),
times [B, T] in [0, 1] ascending, mask [B, T] (1 = keyframe, 0 = padding; padding AFTER the keyframes).
Output video_embeds [B, 256], not normalised (as CLIP's image_embeds; consumers normalise).

Run (everything; ~11 min on the 2-core machine, ~6 of them training 3 seeds):
  /usr/bin/python3 training/video_pool.py
Ablation (same model without any time / order input; no export):
  /usr/bin/python3 training/video_pool.py --no-time
Writes training/out/video-pool/ (clip cache, results.json, table.md), public/models/video-pool/
(temporal_pool.onnx, config.json) and tests/unit/video-pool/fixtures/temporal-pool-parity.json.
"""
from __future__ import annotations

import argparse
import base64
import json
import math
import random
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parent))
from model import Block, ClipMini, Dense, normalise_pixels  # noqa: E402
from export import load_shipped_model  # noqa: E402
from train import recall_at, sample_caption, tensors  # noqa: E402
from wordpiece import WordPieceTokenizer  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
CHECKPOINT = REPO / 'training/out/schedule-s2/checkpoint.pt'
DATA = REPO / 'training/data'
CATALOG_IMAGES = REPO / 'public/models/catalogs/stickers/images'
CLIP_FIXTURE = REPO / 'tests/unit/clip/fixtures/clip-mini-parity.json'
IDENTITY = REPO / 'public/models/clip-mini/identity.json'
OUT = REPO / 'training/out/video-pool'
EXPORT_DIR = REPO / 'public/models/video-pool'
FIXTURE = REPO / 'tests/unit/video-pool/fixtures/temporal-pool-parity.json'

GENERATOR_VERSION = 5          # bump when the clip generator changes (invalidates the cache)
CANVAS_PX = 64                 # clip-mini's input size: clips are rendered at the size the tower sees
FPS = 8
MIN_KEYFRAMES, MAX_KEYFRAMES, MAX_FRAMES = 4, 12, 32
MOTION_PER_KEYFRAME = 0.15     # summed mean-abs frame difference (0..1) that buys one extra keyframe
DIM = 256
OPSET = 17
TRAIN_ROUNDS, VAL_ROUNDS, TEST_ROUNDS = 6, 2, 3
CAPTIONS_PER_ITEM = 8
LR = 2e-3
DATE = '2026-11-29'


# ----------------------------------------------------------------------------- clip synthesis

def load_assets(items: list[dict]) -> dict[str, Image.Image]:
    """RGBA Noto emoji (64 px) per catalog id, so they can be composited on any background colour."""
    out = {}
    for it in items:
        with Image.open(next(CATALOG_IMAGES.glob(f"{it['catalog_id']}.*"))) as im:  # .webp since the sticker catalog re-encode
            out[it['catalog_id']] = im.convert('RGBA')
    return out


def random_background(rng: random.Random) -> tuple[int, int, int]:
    """Mostly what the catalog uses (white, light grey after a cut), some other plain colours."""
    r = rng.random()
    if r < 0.55:
        return (255, 255, 255)
    if r < 0.8:
        g = rng.randint(215, 240)
        return (g, g, g)
    if r < 0.93:  # light / pastel
        return tuple(rng.randint(180, 255) for _ in range(3))
    return tuple(rng.randint(0, 80) for _ in range(3))  # dark


class Renderer:
    def __init__(self, assets: dict[str, Image.Image]):
        self.assets = assets
        self.cache: dict[tuple[str, int], Image.Image] = {}

    def sprite(self, cid: str, size: int) -> Image.Image:
        key = (cid, size)
        if key not in self.cache:
            if len(self.cache) > 20000:
                self.cache.clear()
            self.cache[key] = self.assets[cid].resize((size, size), Image.BILINEAR)
        return self.cache[key]

    def frame(self, bg, sprites: list[tuple[str, float, float, float]], fade: float) -> np.ndarray:
        """sprites: (catalog id, centre x, centre y, size px); fade 1 = fully visible, 0 = background."""
        canvas = Image.new('RGB', (CANVAS_PX, CANVAS_PX), bg)
        for cid, cx, cy, size in sprites:
            s = max(4, int(round(size)))
            sp = self.sprite(cid, s)
            canvas.paste(sp, (int(round(cx - s / 2)), int(round(cy - s / 2))), sp)
        arr = np.asarray(canvas, dtype=np.uint8)
        if fade < 1.0:
            arr = (arr.astype(np.float32) * fade + np.array(bg, np.float32) * (1 - fade)).astype(np.uint8)
        return arr


def scene_plan(rng: random.Random, cid: str, duration_s: float, pool: list[str]) -> dict:
    kind = rng.choices(('hold', 'move', 'zoom', 'move+zoom'), (0.4, 0.3, 0.2, 0.1))[0]
    size = rng.uniform(34, 56)  # the catalog: 96 px on 128 = 48 px at 64
    c = CANVAS_PX
    p0 = (rng.uniform(0.3, 0.7) * c, rng.uniform(0.3, 0.7) * c)
    p1 = p0
    z0 = z1 = 1.0
    if 'move' in kind:
        p0 = (rng.uniform(-0.05, 0.35) * c, rng.uniform(0.2, 0.8) * c)
        p1 = (rng.uniform(0.65, 1.05) * c, rng.uniform(0.2, 0.8) * c)
        if rng.random() < 0.5:
            p0, p1 = p1, p0
    if 'zoom' in kind:
        z0, z1 = rng.uniform(0.45, 0.8), rng.uniform(1.2, 1.6)
        if rng.random() < 0.5:
            z0, z1 = z1, z0
    companion = None
    if rng.random() < 0.25:  # a second, smaller emoji standing still in the same scene
        companion = (rng.choice(pool), rng.uniform(0.15, 0.85) * c, rng.uniform(0.15, 0.85) * c, rng.uniform(16, 26))
    return {'cid': cid, 'kind': kind, 'duration_s': duration_s, 'size': size, 'p0': p0, 'p1': p1,
            'z0': z0, 'z1': z1, 'companion': companion, 'bg': random_background(rng),
            'fade_in': rng.random() < 0.2, 'fade_out': rng.random() < 0.2}


def render_clip(rng: random.Random, renderer: Renderer, subjects: list[str], main: int, pool: list[str]) -> dict:
    """Scenes: one per subject (random order); the main subject's scene is the longest by >= 1.4x."""
    main_s = rng.uniform(2.0, 4.5)
    durations = [main_s if i == main else rng.uniform(0.6, main_s / 1.4) for i in range(len(subjects))]
    scenes = [scene_plan(rng, cid, d, pool) for cid, d in zip(subjects, durations)]
    rng.shuffle(scenes)
    if rng.random() < 0.2:  # a blank hold (background only) at the start, between scenes or at the end
        blank = {'cid': None, 'kind': 'blank', 'duration_s': rng.uniform(0.3, 0.8), 'bg': random_background(rng),
                 'fade_in': False, 'fade_out': False}
        scenes.insert(rng.randint(0, len(scenes)), blank)
    frames, cuts, scene_of = [], [], []
    fade_frames = int(0.5 * FPS)
    for si, sc in enumerate(scenes):
        n = max(2, int(round(sc['duration_s'] * FPS)))
        if frames:
            cuts.append(len(frames))
        for j in range(n):
            u = j / (n - 1)
            fade = 1.0
            if sc['fade_in'] and j < fade_frames:
                fade = j / fade_frames
            if sc['fade_out'] and j >= n - fade_frames:
                fade = min(fade, (n - 1 - j) / fade_frames)
            sprites = []
            if sc['cid'] is not None:
                if sc['companion']:
                    sprites.append(sc['companion'])
                x = sc['p0'][0] + (sc['p1'][0] - sc['p0'][0]) * u
                y = sc['p0'][1] + (sc['p1'][1] - sc['p0'][1]) * u
                sprites.append((sc['cid'], x, y, sc['size'] * (sc['z0'] + (sc['z1'] - sc['z0']) * u)))
            frames.append(renderer.frame(sc['bg'], sprites, fade))
            scene_of.append(si)
    frames = np.stack(frames)
    key = select_keyframes(frames, cuts)
    main_scene = next(i for i, sc in enumerate(scenes) if sc.get('cid') == subjects[main] and sc['kind'] != 'blank')
    return {'images': frames[key], 'times': [k / len(frames) for k in key], 'n_frames': len(frames),
            'main_cid': subjects[main], 'subjects': subjects,
            'main_keyframes': [scene_of[k] == main_scene for k in key],
            'main_keyframe_share': sum(scene_of[k] == main_scene for k in key) / len(key),
            'main_time_share': sum(s == main_scene for s in scene_of) / len(frames)}


def select_keyframes(frames: np.ndarray, cuts: list[int]) -> list[int]:
    """First frame, first frame after each cut, then a budget spent where the frame difference is."""
    n = len(frames)
    diff = np.abs(frames[1:].astype(np.int16) - frames[:-1].astype(np.int16)).mean(axis=(1, 2, 3)) / 255.0
    motion = np.concatenate([[0.0], diff])
    motion[cuts] = 0.0  # a cut is caught as a cut, not counted as motion
    must = sorted({0, *cuts})[:MAX_KEYFRAMES]
    total = float(motion.sum())
    k = int(min(MAX_KEYFRAMES, max(MIN_KEYFRAMES, len(must) + round(total / MOTION_PER_KEYFRAME)), n))
    chosen = set(must)
    extra = k - len(chosen)
    if extra > 0:
        if total > 1e-6:
            cum = np.cumsum(motion)
            targets = [int(np.searchsorted(cum, (i + 0.5) / extra * total)) for i in range(extra)]
        else:
            targets = [int((i + 0.5) / extra * n) for i in range(extra)]
        for t in targets:
            t = min(max(t, 0), n - 1)
            for d in range(n):  # nearest frame not yet taken
                for c in (t + d, t - d):
                    if 0 <= c < n and c not in chosen:
                        chosen.add(c)
                        break
                else:
                    continue
                break
    return sorted(chosen)


def family_plan(rng: random.Random, ids: list[str], rounds: int) -> list[tuple[list[str], int, int]]:
    """Per round, every emoji is the main subject of exactly one clip. Emojis are grouped into families
    of 1-3; each family gives one clip per member as main subject (same subjects, other scene longest)."""
    plan = []
    fam = 0
    for _ in range(rounds):
        order = rng.sample(ids, len(ids))
        i = 0
        while i < len(order):
            size = rng.choices((1, 2, 3), (0.2, 0.45, 0.35))[0]
            members = order[i:i + size]
            i += size
            for m in range(len(members)):
                plan.append((members, m, fam))
            fam += 1
    return plan


@torch.no_grad()
def embed_images(model: ClipMini, images: np.ndarray, batch: int = 512) -> torch.Tensor:
    t = torch.from_numpy(images)
    return torch.cat([model.vision(normalise_pixels(t[i:i + batch])) for i in range(0, len(t), batch)])


def build_split(name: str, items: list[dict], rounds: int, seed: int, model: ClipMini, renderer: Renderer) -> dict:
    cache = OUT / f'clips-{name}-v{GENERATOR_VERSION}-s{seed}.pt'
    if cache.exists():
        cached = torch.load(cache)
        if 'main_mask' in cached:
            return cached
    t0 = time.time()
    rng = random.Random(seed)
    ids = [it['catalog_id'] for it in items]
    plan = family_plan(rng, ids, rounds)
    clips, all_images = [], []
    for members, m, fam in plan:
        c = render_clip(rng, renderer, members, m, ids)
        all_images.append(c.pop('images'))
        c['family'] = fam
        clips.append(c)
    render_s = time.time() - t0
    emb = embed_images(model, np.concatenate(all_images))
    n = len(clips)
    frames = torch.zeros(n, MAX_KEYFRAMES, DIM)
    times = torch.zeros(n, MAX_KEYFRAMES)
    mask = torch.zeros(n, MAX_KEYFRAMES)
    main_mask = torch.zeros(n, MAX_KEYFRAMES)
    o = 0
    for i, (c, im) in enumerate(zip(clips, all_images)):
        k = len(im)
        frames[i, :k] = emb[o:o + k]
        times[i, :k] = torch.tensor(c['times'])
        mask[i, :k] = 1.0
        main_mask[i, :k] = torch.tensor(c['main_keyframes'], dtype=torch.float32)
        o += k
    index = {cid: j for j, cid in enumerate(ids)}
    out = {'frames': frames, 'times': times, 'mask': mask, 'main_mask': main_mask,
           'main': torch.tensor([index[c['main_cid']] for c in clips]),
           'family': torch.tensor([c['family'] for c in clips]),
           'n_scenes': torch.tensor([len(c['subjects']) for c in clips]),
           'main_keyframe_share': torch.tensor([c['main_keyframe_share'] for c in clips]),
           'main_time_share': torch.tensor([c['main_time_share'] for c in clips]),
           'rounds': rounds, 'ids': ids, 'seconds': {'render': render_s, 'embed': time.time() - t0 - render_s}}
    OUT.mkdir(parents=True, exist_ok=True)
    torch.save(out, cache)
    return out


# ----------------------------------------------------------------------------- the pooling model

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


# ----------------------------------------------------------------------------- text side

@torch.no_grad()
def embed_texts(model: ClipMini, tok: WordPieceTokenizer, texts: list[str], batch: int = 512) -> torch.Tensor:
    return F.normalize(torch.cat([model.text(*tensors(tok, texts[i:i + batch])) for i in range(0, len(texts), batch)]), dim=-1)


def caption_bank(model, tok, items: list[dict], seed: int) -> torch.Tensor:
    """CAPTIONS_PER_ITEM sampled captions per item (English or Korean; label / tags / context, as train.py)."""
    rng = random.Random(seed)
    texts = [sample_caption(it, rng) for it in items for _ in range(CAPTIONS_PER_ITEM)]
    return embed_texts(model, tok, texts).reshape(len(items), CAPTIONS_PER_ITEM, -1)


def label_queries(model, tok, items: list[dict]) -> dict[str, torch.Tensor]:
    return {lang: embed_texts(model, tok, [(it.get(lang) or {}).get('label', '') for it in items]) for lang in ('en', 'ko')}


# ----------------------------------------------------------------------------- training and evaluation

def family_batches(family: torch.Tensor, batch: int, rng: random.Random):
    groups: dict[int, list[int]] = {}
    for i, f in enumerate(family.tolist()):
        groups.setdefault(f, []).append(i)
    fams = list(groups.values())
    while True:
        rng.shuffle(fams)
        cur: list[int] = []
        for g in fams:
            cur += g
            if len(cur) >= batch:
                yield torch.tensor(cur)
                cur = []


def drop_keyframes(frames, times, mask, gen: torch.Generator, p: float = 0.15):
    """Augmentation: drop random non-first keyframes, re-pack the rest to the front."""
    keep = (torch.rand(mask.shape, generator=gen) > p).float() * mask
    keep[:, 0] = mask[:, 0]
    order = torch.argsort(-keep + torch.arange(mask.shape[1]) * 1e-3, dim=1)  # kept ones first, in order
    g = lambda t: torch.gather(t, 1, order if t.dim() == 2 else order[..., None].expand_as(t))
    return g(frames), g(times) * g(keep), g(keep)


def train_pool(train: dict, captions: torch.Tensor, seed: int, steps: int, batch: int, tau: float, log,
               use_time: bool = True) -> TemporalPool:
    torch.manual_seed(seed)
    rng = random.Random(seed)
    gen = torch.Generator().manual_seed(seed)
    model = TemporalPool(use_time=use_time)
    decay = [p for n, p in model.named_parameters() if p.ndim >= 2]
    no_decay = [p for n, p in model.named_parameters() if p.ndim < 2]
    opt = torch.optim.AdamW([{'params': decay, 'weight_decay': 0.05}, {'params': no_decay, 'weight_decay': 0.0}], lr=1e-3)
    batches = family_batches(train['family'], batch, rng)
    t0 = time.time()
    for step in range(steps):
        lr = LR * min(1.0, (step + 1) / 30) * 0.5 * (1 + math.cos(math.pi * step / steps))
        for g in opt.param_groups:
            g['lr'] = lr
        idx = next(batches)
        fr, ti, ma = drop_keyframes(train['frames'][idx], train['times'][idx], train['mask'][idx], gen)
        main = train['main'][idx]
        cap = captions[main, torch.randint(0, CAPTIONS_PER_ITEM, (len(idx),), generator=gen)]
        v = F.normalize(model(fr, ti, ma), dim=-1)
        logits = v @ cap.t() / tau
        same = (main[:, None] == main[None, :]).float()
        target = same / same.sum(1, keepdim=True)
        loss = 0.5 * ((-target * logits.log_softmax(1)).sum(1).mean() + (-target * logits.t().log_softmax(1)).sum(1).mean())
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        if step % 200 == 0 or step == steps - 1:
            log(f'  seed {seed} step {step} loss {loss.item():.4f} ({time.time() - t0:.0f} s)')
    model.eval()
    return model


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
def text_order_check(model, tok, items: list[dict], seed: int = 0) -> dict:
    """Can the text tower tell 'X then Y' from 'Y then X'? Cosines over random pairs of held-out labels."""
    rng = random.Random(seed)
    res = {}
    for lang, fmt in (('en', '{} then {}'), ('ko', '{} 다음에 {}')):
        pairs = [rng.sample(items, 2) for _ in range(200)]
        xs = [a[lang]['label'] for a, b in pairs]
        ys = [b[lang]['label'] for a, b in pairs]
        xy = embed_texts(model, tok, [fmt.format(x, y) for x, y in zip(xs, ys)])
        yx = embed_texts(model, tok, [fmt.format(y, x) for x, y in zip(xs, ys)])
        ex, ey = embed_texts(model, tok, xs), embed_texts(model, tok, ys)
        res[lang] = {'cos(XthenY, YthenX)': float((xy * yx).sum(1).mean()),
                     'cos(XthenY, X)': float((xy * ex).sum(1).mean()),
                     'cos(XthenY, Y)': float((xy * ey).sum(1).mean()),
                     'cos(X, Y)': float((ex * ey).sum(1).mean())}
    return res


@torch.no_grad()
def clip_parity(model: ClipMini, tok: WordPieceTokenizer) -> dict:
    """The loaded checkpoint against the fixture the shipped ONNX is tested with (tests/unit/clip)."""
    fx = json.loads(CLIP_FIXTURE.read_text())
    img = np.stack([np.frombuffer(base64.b64decode(i['rgb_base64']), np.uint8).reshape(64, 64, 3) for i in fx['images']])
    got = embed_images(model, img)
    want = torch.tensor([i['image_embeds'] for i in fx['images']])
    texts = [t['text'] for t in fx['texts']]
    got_t = model.text(*tensors(tok, texts))
    want_t = torch.tensor([t['text_embeds'] for t in fx['texts']])
    return {'images': len(img), 'image_max_abs': float((got - want).abs().max()),
            'texts': len(texts), 'text_max_abs': float((got_t - want_t).abs().max())}


# ----------------------------------------------------------------------------- export

class PoolExport(nn.Module):
    def __init__(self, pool: TemporalPool):
        super().__init__()
        self.pool = pool

    def forward(self, frames, times, mask):
        return self.pool(frames, times, mask)


def export(pool: TemporalPool, command: str, model_id: str, split: dict) -> dict:
    import onnx
    EXPORT_DIR.mkdir(parents=True, exist_ok=True)
    warnings.filterwarnings('ignore', category=UserWarning)
    warnings.filterwarnings('ignore', category=torch.jit.TracerWarning)
    path = EXPORT_DIR / 'temporal_pool.onnx'
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
    (EXPORT_DIR / 'config.json').write_text(json.dumps(cfg, indent=1) + '\n')
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
    FIXTURE.parent.mkdir(parents=True, exist_ok=True)
    FIXTURE.write_text(json.dumps(fixture) + '\n')
    return {'onnx_bytes': path.stat().st_size, 'fixture_cases': len(cases)}


# ----------------------------------------------------------------------------- main

def fmt(r: dict) -> str:
    return ' / '.join(f"{r[k]:.1f}" for k in ('R@1', 'R@5', 'R@10'))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--seeds', type=int, nargs='+', default=[0, 1, 2])
    ap.add_argument('--steps', type=int, default=500)
    ap.add_argument('--batch', type=int, default=256)
    ap.add_argument('--tau', type=float, default=0.03)
    ap.add_argument('--no-export', action='store_true')
    ap.add_argument('--no-time', action='store_true', help='ablation: no time / order input (implies --no-export)')
    args = ap.parse_args()
    if args.no_time:
        args.no_export = True
    torch.set_num_threads(1)
    command = '/usr/bin/python3 training/video_pool.py' + ''.join(
        f' {a}' for a in sys.argv[1:])
    OUT.mkdir(parents=True, exist_ok=True)
    logf = open(OUT / 'log.txt', 'a')

    def log(msg: str) -> None:
        print(msg, flush=True)
        logf.write(msg + '\n')
        logf.flush()

    t_start = time.time()
    log(f'== {time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime())} UTC: {command}')
    clip = load_shipped_model(CHECKPOINT)  # the shipped text tower is weight-only int8 (training/quantise.py)
    tok = WordPieceTokenizer.load(DATA)
    model_id = json.loads(IDENTITY.read_text())['modelId']
    parity = clip_parity(clip, tok)
    log(f'clip-mini checkpoint vs shipped-ONNX parity fixture: {parity}')
    if parity['image_max_abs'] > 1e-4 or parity['text_max_abs'] > 1e-4:
        raise SystemExit('the checkpoint is not the shipped clip-mini (parity fixture differs)')

    items = [it for it in json.loads((DATA / 'items.json').read_text())['items'] if it['source'] == 'emoji']
    by_split = {s: [it for it in items if it['split'] == s] for s in ('train', 'val', 'test')}
    renderer = Renderer(load_assets(items))
    t0 = time.time()
    data = {'train': build_split('train', by_split['train'], TRAIN_ROUNDS, 1, clip, renderer),
            'val': build_split('val', by_split['val'], VAL_ROUNDS, 2, clip, renderer),
            'test': build_split('test', by_split['test'], TEST_ROUNDS, 3, clip, renderer)}
    stats = {}
    for s, d in data.items():
        k = d['mask'].sum(1)
        stats[s] = {'clips': len(k), 'emojis': len(d['ids']), 'keyframes_mean': float(k.mean()),
                    'keyframes_min': int(k.min()), 'keyframes_max': int(k.max()),
                    'main_time_share': float(d['main_time_share'].mean()),
                    'main_keyframe_share': float(d['main_keyframe_share'].mean()),
                    'main_underrepresented_pct': 100.0 * float((d['main_keyframe_share'] < d['main_time_share'] - 0.1).float().mean()),
                    'seconds': d['seconds']}
    log(f'clips ready in {time.time() - t0:.0f} s: {json.dumps(stats)}')

    captions = caption_bank(clip, tok, by_split['train'], seed=0)
    queries = {s: label_queries(clip, tok, by_split[s]) for s in ('val', 'test')}
    text_order = text_order_check(clip, tok, by_split['test'])
    log(f'text tower order check: {json.dumps(text_order)}')

    baselines = {name: {s: retrieval(data[s], queries[s], fn) for s in ('val', 'test')}
                 for name, fn in (('mean pooling', mean_pool), ('middle frame', middle_frame),
                                  ('first frame', first_frame), ('duration-weighted mean', duration_pool))}
    baselines['oracle: main-scene keyframes only'] = {s: retrieval(data[s], queries[s], oracle_main_scene(data[s]))
                                                      for s in ('val', 'test')}
    for name, r in baselines.items():
        log(f'{name}: test en {fmt(r["test"]["en"])} ko {fmt(r["test"]["ko"])}')
    runs = []
    t_train = time.time()
    for seed in args.seeds:
        t1 = time.time()
        pool = train_pool(data['train'], captions, seed, args.steps, args.batch, args.tau, log, use_time=not args.no_time)
        with torch.no_grad():
            init_gap = float((TemporalPool()(data['test']['frames'], data['test']['times'], data['test']['mask'])
                              - mean_pool(data['test']['frames'], data['test']['times'], data['test']['mask'])).abs().max())
        r = {'seed': seed, 'train_seconds': time.time() - t1,
             'val': retrieval(data['val'], queries['val'], pool), 'test': retrieval(data['test'], queries['test'], pool),
             'order': order_effect(data['test'], queries['test'], pool), 'untrained_minus_mean_max_abs': init_gap}
        log(f'seed {seed}: test en {fmt(r["test"]["en"])} ko {fmt(r["test"]["ko"])}, val en {fmt(r["val"]["en"])}, '
            f'reversed cos {r["order"]["reversed"]["mean_cosine_to_original"]:.4f}, {r["train_seconds"]:.0f} s')
        runs.append((r, pool))
    train_seconds = time.time() - t_train

    def val_score(r):
        return sum(r['val'][l][k] for l in ('en', 'ko') for k in ('R@1', 'R@5', 'R@10'))
    best, best_pool = max(runs, key=lambda rp: val_score(rp[0]))
    exported = None
    if not args.no_export:
        exported = export(best_pool, command, model_id, data['test'])
        log(f'exported seed {best["seed"]} (best validation): {exported}')
    results = {'command': command, 'date': DATE, 'clip_parity': parity, 'data': stats, 'text_order': text_order,
               'baselines': baselines, 'runs': [r for r, _ in runs], 'shipped_seed': best['seed'],
               'exported': exported, 'train_seconds_all_seeds': train_seconds,
               'total_seconds': time.time() - t_start,
               'params': sum(p.numel() for p in best_pool.parameters())}
    (OUT / ('results-no-time.json' if args.no_time else 'results.json')).write_text(json.dumps(results, indent=1, ensure_ascii=False) + '\n')
    rows = ['| method | EN R@1 / R@5 / R@10 | KO R@1 / R@5 / R@10 |', '|---|---|---|']
    for name, r in baselines.items():
        rows.append(f"| {name} | {fmt(r['test']['en'])} | {fmt(r['test']['ko'])} |")
    for r, _ in runs:
        rows.append(f"| temporal, seed {r['seed']} | {fmt(r['test']['en'])} | {fmt(r['test']['ko'])} |")
    for lang in ('en', 'ko'):
        m = {k: np.mean([r['test'][lang][k] for r, _ in runs]) for k in ('R@1', 'R@5', 'R@10')}
        sd = {k: np.std([r['test'][lang][k] for r, _ in runs]) for k in ('R@1', 'R@5', 'R@10')}
        rows.append(f"<!-- {lang} mean {fmt(m)} sd {fmt(sd)} -->")
    (OUT / ('table-no-time.md' if args.no_time else 'table.md')).write_text('\n'.join(rows) + '\n')
    log('\n'.join(rows))
    log(f'total {time.time() - t_start:.0f} s')


if __name__ == '__main__':
    main()
