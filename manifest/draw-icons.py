#!/usr/bin/env python3
"""Draws the app's two Teams icons (our own artwork): a shield with a tick, the risk assessment's sign.

  color.png    192x192, the shield in white with the tick in the accent colour on a full accent-colour square
  outline.png  32x32, a white shield outline and tick on transparency (Teams tints it)

Deterministic (same bytes on every run) and standard library only: python3 manifest/draw-icons.py
"""
import struct
import zlib
from pathlib import Path

ACCENT = (0x00, 0x50, 0x6E)  # manifest.template.json accentColor
WHITE = (0xFF, 0xFF, 0xFF)
SAMPLES = 4  # 4x4 samples per pixel for smooth edges


def shield_half_width(y):
    """Half the shield's width at height y (0 top, 1 bottom point), in units of its full width."""
    if y < 0 or y > 1:
        return -1.0
    if y < 0.5:
        return 0.5
    t = (y - 0.5) / 0.5
    return 0.5 * (1 - t * t)


def in_shield(x, y, inset=0.0):
    """(x, y) in the unit square; inset shrinks the shield towards its centre for the outline's inner edge."""
    scale = 1 - 2 * inset
    if scale <= 0:
        return False
    sx, sy = (x - 0.5) / scale + 0.5, (y - inset * 0.8) / scale
    return abs(sx - 0.5) <= shield_half_width(sy)


def near_segment(x, y, a, b, half_thickness):
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
    px, py = ax + t * dx, ay + t * dy
    return (x - px) ** 2 + (y - py) ** 2 <= half_thickness ** 2


def in_tick(x, y, thickness):
    corner = (0.44, 0.66)
    return near_segment(x, y, (0.28, 0.48), corner, thickness) or near_segment(x, y, corner, (0.74, 0.30), thickness)


def coverage(size, px, py, inside):
    hits = 0
    for sy in range(SAMPLES):
        for sx in range(SAMPLES):
            x = (px + (sx + 0.5) / SAMPLES) / size
            y = (py + (sy + 0.5) / SAMPLES) / size
            hits += inside(x, y)
    return hits / (SAMPLES * SAMPLES)


def to_shield_frame(x, y, margin):
    """Maps the icon's unit square to the shield's, leaving a margin on every side."""
    return (x - margin) / (1 - 2 * margin), (y - margin) / (1 - 2 * margin)


def color_icon(size=192):
    rows = []
    for py in range(size):
        row = []
        for px in range(size):
            shield = coverage(size, px, py, lambda x, y: in_shield(*to_shield_frame(x, y, 0.2)))
            tick = coverage(size, px, py, lambda x, y: in_tick(*to_shield_frame(x, y, 0.2), 0.07))
            white = shield * (1 - tick)
            row.append(tuple(round(a + (w - a) * white) for a, w in zip(ACCENT, WHITE)) + (255,))
        rows.append(row)
    return rows


def outline_icon(size=32):
    def ink(x, y):
        sx, sy = to_shield_frame(x, y, 0.06)
        ring = in_shield(sx, sy) and not in_shield(sx, sy, inset=0.1)
        return ring or in_tick(sx, sy, 0.075)

    return [[WHITE + (round(255 * coverage(size, px, py, ink)),) for px in range(size)] for py in range(size)]


def png(rows):
    height, width = len(rows), len(rows[0])
    raw = b"".join(b"\x00" + bytes(v for pixel in row for v in pixel) for row in rows)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    here = Path(__file__).resolve().parent
    (here / "color.png").write_bytes(png(color_icon()))
    (here / "outline.png").write_bytes(png(outline_icon()))
