"""clip-mini: a small CLIP-style dual encoder (text transformer + CNN vision tower + projections).

Written with plain ops only (explicit attention, no nn.MultiheadAttention fast path) so that the ONNX
export of torch 1.13 is exact and loads in onnxruntime-node / onnxruntime-web.
Outputs are the projected embeddings WITHOUT L2 normalisation, as in CLIP's `text_embeds` /
`image_embeds`: consumers normalise, the same way they must for a real CLIP model.
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass

import torch
from torch import nn
import torch.nn.functional as F

# CLIP's own normalisation constants (kept so that preprocessor_config.json looks like a real CLIP one).
IMAGE_MEAN = (0.48145466, 0.4578275, 0.40821073)
IMAGE_STD = (0.26862954, 0.26130258, 0.27577711)


@dataclass
class ClipMiniConfig:
    vocab_size: int = 8000
    max_tokens: int = 32
    text_width: int = 128
    text_layers: int = 2
    text_heads: int = 4
    vision_widths: tuple = (48, 96, 192)
    image_size: int = 64
    projection_dim: int = 256

    def to_dict(self) -> dict:
        d = asdict(self)
        d['vision_widths'] = list(self.vision_widths)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> 'ClipMiniConfig':
        d = dict(d)
        d['vision_widths'] = tuple(d['vision_widths'])
        return cls(**d)


class Dense(nn.Linear):
    """nn.Linear whose training-time matmul runs as a 1x1 convolution.

    Debian's torch 1.13 links the reference BLAS (BLAS_INFO=generic): a (4608 x 128) @ (128 x 512)
    linear takes 0.75 s forward+backward on one core, the same product as a batched 1x1 conv goes
    through oneDNN in 0.06 s. Same maths; eval and ONNX export use F.linear (a plain MatMul).
    """

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if self.training and x.dim() == 3 and x.shape[0] >= 16:
            y = F.conv2d(x.transpose(1, 2).unsqueeze(-1), self.weight[:, :, None, None], self.bias)
            return y.squeeze(-1).transpose(1, 2)
        return F.linear(x, self.weight, self.bias)


class Block(nn.Module):
    """Pre-LayerNorm transformer block with an additive key-padding mask."""

    def __init__(self, width: int, heads: int):
        super().__init__()
        self.heads = heads
        self.ln1 = nn.LayerNorm(width)
        self.qkv = Dense(width, 3 * width)
        self.out = Dense(width, width)
        self.ln2 = nn.LayerNorm(width)
        self.mlp = nn.Sequential(Dense(width, 4 * width), nn.GELU(), Dense(4 * width, width))

    def forward(self, x: torch.Tensor, additive_mask: torch.Tensor) -> torch.Tensor:
        b, s, w = x.shape
        h = self.heads
        q, k, v = self.qkv(self.ln1(x)).reshape(b, s, 3, h, w // h).permute(2, 0, 3, 1, 4)
        att = (q @ k.transpose(-1, -2)) * (1.0 / math.sqrt(w // h)) + additive_mask
        y = (att.softmax(-1) @ v).transpose(1, 2).reshape(b, s, w)
        x = x + self.out(y)
        return x + self.mlp(self.ln2(x))


class TextTower(nn.Module):
    def __init__(self, cfg: ClipMiniConfig):
        super().__init__()
        self.tok = nn.Embedding(cfg.vocab_size, cfg.text_width)
        self.pos = nn.Parameter(torch.randn(1, cfg.max_tokens, cfg.text_width) * 0.01)
        self.blocks = nn.ModuleList([Block(cfg.text_width, cfg.text_heads) for _ in range(cfg.text_layers)])
        self.ln = nn.LayerNorm(cfg.text_width)
        self.proj = nn.Linear(cfg.text_width, cfg.projection_dim, bias=False)
        nn.init.normal_(self.tok.weight, std=0.02)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        mask = attention_mask.to(torch.float32)
        x = self.tok(input_ids) + self.pos[:, : input_ids.shape[1]]
        additive = (1.0 - mask)[:, None, None, :] * -1e4
        for blk in self.blocks:
            x = blk(x, additive)
        x = self.ln(x)
        pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdim=True).clamp(min=1.0)
        return self.proj(pooled)


class ResBlock(nn.Module):
    def __init__(self, cin: int, cout: int, stride: int):
        super().__init__()
        self.c1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.b1 = nn.BatchNorm2d(cout)
        self.c2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.b2 = nn.BatchNorm2d(cout)
        self.skip = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = F.relu(self.b1(self.c1(x)))
        return F.relu(self.b2(self.c2(y)) + self.skip(x))


class VisionTower(nn.Module):
    def __init__(self, cfg: ClipMiniConfig):
        super().__init__()
        w = cfg.vision_widths
        # Patchify stem (4x4, stride 4, as in ConvNeXt / ViT): 64 px -> 16 x 16, cheap on a CPU.
        self.stem = nn.Sequential(nn.Conv2d(3, w[0], 4, 4, 0, bias=False), nn.BatchNorm2d(w[0]), nn.ReLU())
        self.stages = nn.Sequential(*[ResBlock(w[i], w[i + 1], 2) for i in range(len(w) - 1)])
        self.ln = nn.LayerNorm(w[-1])
        self.proj = nn.Linear(w[-1], cfg.projection_dim, bias=False)

    def forward(self, pixel_values: torch.Tensor) -> torch.Tensor:
        x = self.stages(self.stem(pixel_values))
        return self.proj(self.ln(x.mean(dim=(2, 3))))


class ClipMini(nn.Module):
    def __init__(self, cfg: ClipMiniConfig):
        super().__init__()
        self.cfg = cfg
        self.text = TextTower(cfg)
        self.vision = VisionTower(cfg)
        self.logit_scale = nn.Parameter(torch.tensor(math.log(1 / 0.07)))


class TextExport(nn.Module):
    def __init__(self, model: ClipMini):
        super().__init__()
        self.text = model.text

    def forward(self, input_ids, attention_mask):
        return self.text(input_ids, attention_mask)


class VisionExport(nn.Module):
    def __init__(self, model: ClipMini):
        super().__init__()
        self.vision = model.vision

    def forward(self, pixel_values):
        return self.vision(pixel_values)


def normalise_pixels(images_uint8: torch.Tensor) -> torch.Tensor:
    """N x H x W x 3 uint8 -> N x 3 x H x W float, exactly CLIPImageProcessor's rescale + normalise."""
    x = images_uint8.permute(0, 3, 1, 2).to(torch.float32) * (1.0 / 255.0)
    mean = torch.tensor(IMAGE_MEAN, dtype=torch.float32)[None, :, None, None]
    std = torch.tensor(IMAGE_STD, dtype=torch.float32)[None, :, None, None]
    return (x - mean) / std
