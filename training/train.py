"""Train clip-mini with symmetric InfoNCE.

Temperature, the two ways the literature uses:
  --temperature learnable  CLIP's: logit_scale = log(1/tau) is a parameter (init 1/0.07), clamped to
                           [0, log(100)] after every step.
  --temperature schedule   fixed, decays with a cosine from --tau-start (soft, high) to --tau-end (sharp).

Captions are sampled afresh every time an item is drawn: English or Korean (when the item has Korean),
label / label + tags / tags only / label + context. Items that share a caption in a batch are positives
for each other (soft targets), so duplicate captions are not pushed apart.

Run (full, one variant):
  /usr/bin/python3 training/train.py --temperature learnable --out training/out/learnable
Smoke (CI):
  /usr/bin/python3 training/train.py --smoke --data training/out/smoke/data --out training/out/smoke/run
"""
from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent))
from model import ClipMini, ClipMiniConfig, normalise_pixels  # noqa: E402
from wordpiece import WordPieceTokenizer  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
WHITE_PAD_PX = 6
MAX_LOGIT_SCALE = math.log(100.0)


class Corpus:
    def __init__(self, data_dir: Path):
        meta = json.loads((data_dir / 'items.json').read_text())
        self.items = meta['items']
        self.images = torch.from_numpy(np.load(data_dir / 'images.npy'))
        self.tok = WordPieceTokenizer.load(data_dir)
        self.train = [it for it in self.items if it['split'] == 'train']

    def split(self, name: str) -> list[dict]:
        return [it for it in self.items if it['split'] == name]


def sample_caption(it: dict, rng: random.Random) -> str:
    langs = ['en'] + (['ko'] if it.get('ko') and it['ko']['label'] else [])
    f = it[rng.choice(langs)]
    label, tags, ctx = f['label'], f['tags'], f['context']
    r = rng.random()
    if r < 0.45 or not (tags or ctx):
        return label
    if r < 0.7 and tags:
        return label + ', ' + ', '.join(rng.sample(tags, min(len(tags), rng.randint(1, 3))))
    if r < 0.85 and tags:
        return ', '.join(rng.sample(tags, min(len(tags), rng.randint(1, 3))))
    if ctx:
        return f'{label} ({rng.choice(ctx)})'
    return label


def augment(batch_uint8: torch.Tensor, gen: torch.Generator) -> torch.Tensor:
    """Random shift / zoom-out on a white canvas (no flips: arrows and text have a direction)."""
    n, h, w, _ = batch_uint8.shape
    p = WHITE_PAD_PX
    x = batch_uint8.permute(0, 3, 1, 2).to(torch.float32)
    padded = F.pad(x, (p, p, p, p), value=255.0)
    out = torch.empty_like(x)
    offs = torch.randint(0, 2 * p + 1, (n, 2), generator=gen)
    scales = torch.rand(n, generator=gen) * 0.25 + 0.8
    for i in range(n):
        oy, ox = int(offs[i, 0]), int(offs[i, 1])
        crop = padded[i:i + 1, :, oy:oy + h, ox:ox + w]
        s = float(scales[i])
        if s < 0.97:  # zoom out: shrink, paste centred on white
            sh = max(8, int(round(h * s)))
            small = F.interpolate(crop, size=(sh, sh), mode='bilinear', align_corners=False)
            canvas = torch.full_like(crop, 255.0)
            o = (h - sh) // 2
            canvas[:, :, o:o + sh, o:o + sh] = small
            crop = canvas
        out[i] = crop[0]
    return out.permute(0, 2, 3, 1)


def tensors(tok: WordPieceTokenizer, texts: list[str]) -> tuple[torch.Tensor, torch.Tensor]:
    ids, mask = tok.batch(texts)
    return torch.tensor(ids, dtype=torch.long), torch.tensor(mask, dtype=torch.long)


@torch.no_grad()
def embed_split(model: ClipMini, corpus: Corpus, items: list[dict], lang: str, batch: int = 256):
    model.eval()
    rows = torch.tensor([it['image_rows'][0] for it in items])
    img = torch.cat([model.vision(normalise_pixels(corpus.images[rows[i:i + batch]]))
                     for i in range(0, len(rows), batch)])
    texts = [(it[lang] or {}).get('label', '') for it in items]
    txt = torch.cat([model.text(*tensors(corpus.tok, texts[i:i + batch])) for i in range(0, len(texts), batch)])
    model.train()
    return F.normalize(img, dim=-1), F.normalize(txt, dim=-1)


def recall_at(sim: torch.Tensor, ks=(1, 5, 10)) -> dict:
    """sim[q, c]; the right candidate for query q is c = q."""
    rank = (sim > sim.diag()[:, None]).sum(1)  # number of candidates scored above the right one
    return {f'R@{k}': float((rank < k).float().mean()) for k in ks}


def cosine_lr(step: int, total: int, warmup: int, base: float) -> float:
    if step < warmup:
        return base * (step + 1) / warmup
    t = (step - warmup) / max(1, total - warmup)
    return base * (0.02 + 0.98 * 0.5 * (1 + math.cos(math.pi * t)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--data', default=str(REPO / 'training/data'))
    ap.add_argument('--out', required=True)
    ap.add_argument('--temperature', choices=('learnable', 'schedule'), default='learnable')
    ap.add_argument('--tau-start', type=float, default=0.1)
    ap.add_argument('--tau-end', type=float, default=0.02)
    ap.add_argument('--steps', type=int, default=1500)
    ap.add_argument('--batch', type=int, default=128)
    ap.add_argument('--lr', type=float, default=2e-3)
    ap.add_argument('--weight-decay', type=float, default=0.05)
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--openclipart-share', type=float, default=0.35,
                    help='share of OpenClipart items drawn per pass (they are English-only and noisy)')
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--max-minutes', type=float, default=19.0, help='stop early (cosine cut short) past this')
    ap.add_argument('--eval-every', type=int, default=200)
    ap.add_argument('--smoke', action='store_true', help='tiny model, 30 steps (CI)')
    args = ap.parse_args()
    if args.smoke:
        args.steps, args.batch, args.eval_every = 30, 64, 15

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    gen = torch.Generator().manual_seed(args.seed)
    corpus = Corpus(Path(args.data))
    cfg = ClipMiniConfig(vocab_size=len(corpus.tok.vocab), max_tokens=corpus.tok.max_length)
    if args.smoke:
        cfg.text_width, cfg.text_layers, cfg.text_heads = 32, 1, 2
        cfg.vision_widths, cfg.projection_dim = (8, 16, 32), 32
    model = ClipMini(cfg)
    decay = [p for n, p in model.named_parameters() if p.ndim >= 2 and 'pos' not in n]
    no_decay = [p for n, p in model.named_parameters() if p.ndim < 2 or 'pos' in n]
    opt = torch.optim.AdamW([{'params': decay, 'weight_decay': args.weight_decay},
                             {'params': no_decay, 'weight_decay': 0.0}], lr=args.lr)
    warmup = max(1, args.steps // 20)
    val = corpus.split('val')
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    log = []
    order: list[int] = []
    t0 = time.time()
    total = args.steps
    step = 0
    while step < total:
        if len(order) < args.batch:
            # One pass: every emoji and Tux Paint item, a random share of the (noisier) OpenClipart ones.
            epoch = [i for i, it in enumerate(corpus.train)
                     if it['source'] != 'openclipart' or rng.random() < args.openclipart_share]
            order += rng.sample(epoch, len(epoch))
        idx, order = order[: args.batch], order[args.batch:]
        batch_items = [corpus.train[i] for i in idx]
        rows = torch.tensor([rng.choice(it['image_rows']) for it in batch_items])
        captions = [sample_caption(it, rng) for it in batch_items]
        pixels = normalise_pixels(augment(corpus.images[rows], gen))
        ids, mask = tensors(corpus.tok, captions)
        for g in opt.param_groups:
            g['lr'] = cosine_lr(step, total, warmup, args.lr)

        img = F.normalize(model.vision(pixels), dim=-1)
        txt = F.normalize(model.text(ids, mask), dim=-1)
        if args.temperature == 'learnable':
            scale = model.logit_scale.exp()
        else:
            t = step / max(1, total - 1)
            tau = args.tau_end + 0.5 * (args.tau_start - args.tau_end) * (1 + math.cos(math.pi * t))
            scale = torch.tensor(1.0 / tau)
        logits = scale * img @ txt.t()
        same = torch.tensor([[a == b for b in captions] for a in captions], dtype=torch.float32)
        target = same / same.sum(1, keepdim=True)
        loss = 0.5 * (torch.sum(-target * logits.log_softmax(1), 1).mean()
                      + torch.sum(-target * logits.t().log_softmax(1), 1).mean())
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        with torch.no_grad():
            model.logit_scale.clamp_(0.0, MAX_LOGIT_SCALE)
        step += 1

        elapsed = time.time() - t0
        if elapsed > args.max_minutes * 60 and step < total:
            print(f'time budget reached at step {step} of {total}: stopping', flush=True)
            total = step
        if step == 10 and not args.smoke:
            # Fit the budget: shorten the run (and its cosine) if the measured pace would overrun.
            fit = int(args.max_minutes * 60 / (elapsed / 10) * 0.92)
            if fit < total:
                print(f'pace {elapsed / 10:.2f} s/step: {total} steps would overrun; running {fit}', flush=True)
                total = fit
        if step % args.eval_every == 0 or step == total:
            entry = {'step': step, 'loss': round(float(loss), 4), 'scale': round(float(scale), 2),
                     'seconds': round(elapsed, 1)}
            if val:
                for lang in ('en', 'ko'):
                    vi, vt = embed_split(model, corpus, val, lang)
                    entry[f'val_t2i_{lang}'] = recall_at(vt @ vi.t())
            log.append(entry)
            print(json.dumps(entry), flush=True)
        elif step % 20 == 0:
            print(f'step {step}/{total} loss {float(loss):.3f} scale {float(scale):.1f} {elapsed:.0f}s', flush=True)

    torch.save({'config': cfg.to_dict(), 'state_dict': model.state_dict(), 'args': vars(args),
                'steps': total, 'seconds': round(time.time() - t0, 1), 'log': log}, out / 'checkpoint.pt')
    (out / 'train_log.json').write_text(json.dumps({'args': vars(args), 'steps': total, 'log': log,
                                                    'seconds': round(time.time() - t0, 1)}, indent=1))
    print(f'saved {out / "checkpoint.pt"} after {total} steps, {time.time() - t0:.0f}s')


if __name__ == '__main__':
    main()
