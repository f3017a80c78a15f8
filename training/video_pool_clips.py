"""Synthetic video clips for training/video_pool.py: rendering, keyframe selection, clip-mini keyframe vectors.

Why it exists: the temporal pooler needs clips whose right answer is known. This module renders them the way
the demo's generated video catalog looks (1-3 scenes of a Noto emoji on a plain background, moving / zooming /
holding, hard cuts, optional fades and blank holds), picks keyframes the way the catalog's extractor does
(first frame, first frame after every cut, then a 4-12 frame budget spent where the motion is) and embeds
every keyframe with the frozen clip-mini vision tower. Splits are cached under the run's output folder.
"""
from __future__ import annotations

import random
import time
from pathlib import Path

import numpy as np
import torch
from PIL import Image

from model import ClipMini, normalise_pixels

REPO = Path(__file__).resolve().parent.parent
CATALOG_IMAGES = REPO / 'public/models/catalogs/stickers/images'

GENERATOR_VERSION = 5          # bump when the clip generator changes (invalidates the cache)
CANVAS_PX = 64                 # clip-mini's input size: clips are rendered at the size the tower sees
FPS = 8
MIN_KEYFRAMES, MAX_KEYFRAMES, MAX_FRAMES = 4, 12, 32
MOTION_PER_KEYFRAME = 0.15     # summed mean-abs frame difference (0..1) that buys one extra keyframe
DIM = 256                      # clip-mini's image_embeds width


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


def build_split(name: str, items: list[dict], rounds: int, seed: int, model: ClipMini, renderer: Renderer,
                cache_dir: Path) -> dict:
    """Renders, keyframes and embeds one split's clips (cached in cache_dir by generator version and seed)."""
    cache = cache_dir / f'clips-{name}-v{GENERATOR_VERSION}-s{seed}.pt'
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
    cache_dir.mkdir(parents=True, exist_ok=True)
    torch.save(out, cache)
    return out

