"""js_bindings/url.py: the URL Standard's domain to ASCII over the idna package."""

import pytest

from nodeshim.js_bindings.buffer import legacy_decode
from nodeshim.js_bindings.url import to_ascii


@pytest.mark.parametrize(
    ("domain", "expected"),
    [
        ("EXAMPLE.com", "example.com"),
        ("münchen.de", "xn--mnchen-3ya.de"),
        ("faß.de", "xn--fa-hia.de"),  # non-transitional: ß is kept
        ("a..b", "a..b"),  # empty labels pass unless strict
        ("xn--a", None),  # invalid punycode
        ("a.b.c.xn--pokxncvks", None),  # decodes to a disallowed label
        ("\ufdd0zyx.com", None),  # noncharacter
        ("x\u200dy", None),  # joiner outside its context
        ("\u05d0a", None),  # right-to-left label breaking the bidi rule
        ("\u0661.a", "xn--9hb.a"),  # bidi rule only for labels starting R/AL
    ],
)
def test_to_ascii(domain, expected):
    assert to_ascii(domain) == expected


def test_to_ascii_strict_lengths():
    assert to_ascii("a" * 64 + ".com") == "a" * 64 + ".com"
    assert to_ascii("a" * 64 + ".com", True) is None
    assert to_ascii("a..b", True) is None


def test_legacy_decode_streaming_keeps_partial_sequence():
    assert legacy_decode(b"A\x82", "shift_jis", False, True) == ["A", 1]
    assert legacy_decode(b"\x82\xa0", "shift_jis", False, False) == ["あ", 0]


def test_legacy_decode_windows_c1_and_errors():
    assert legacy_decode(b"\x81", "windows-1253", True, False) == ["\x81", 0]
    assert legacy_decode(b"\xff", "windows-1253", True, False) is None
    assert legacy_decode(b"\xff", "windows-1253", False, False) == ["\ufffd", 0]
