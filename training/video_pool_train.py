"""Training of training/video_pool.py's TemporalPool: caption targets, family batches, augmentation, InfoNCE.

Why it exists: the pooler is trained against FROZEN clip-mini text embeddings of the main subject's captions
(sampled as training/train.py samples them, embedded with evaluate.embed_texts), in batches that keep each
family of look-alike clips (same subjects, another scene longest) together, with random keyframes dropped.
"""
from __future__ import annotations

import math
import random
import time

import torch
import torch.nn.functional as F

from evaluate import embed_texts
from train import Corpus, sample_caption
from video_pool_model import TemporalPool

CAPTIONS_PER_ITEM = 8
LR = 2e-3


def caption_bank(model, corpus: Corpus, items: list[dict], seed: int) -> torch.Tensor:
    """CAPTIONS_PER_ITEM sampled captions per item (English or Korean; label / tags / context, as train.py)."""
    rng = random.Random(seed)
    texts = [sample_caption(it, rng) for it in items for _ in range(CAPTIONS_PER_ITEM)]
    return embed_texts(model, corpus, texts).reshape(len(items), CAPTIONS_PER_ITEM, -1)


def label_queries(model, corpus: Corpus, items: list[dict]) -> dict[str, torch.Tensor]:
    return {lang: embed_texts(model, corpus, [(it.get(lang) or {}).get('label', '') for it in items]) for lang in ('en', 'ko')}


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

