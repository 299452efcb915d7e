import io

import pytest

from sanctrace.documents import DEFAULT_MAX_BYTES, InvalidSetting, resolve_max_bytes
from sanctrace.documents.limits import read_bounded
from sanctrace.documents.problems import UnreadableInput


class EndlessStream(io.RawIOBase):
    """A stream that never ends, counting the bytes handed out."""

    def __init__(self):
        self.handed_out = 0

    def readable(self):
        return True

    def readinto(self, buffer):
        buffer[:] = b"a" * len(buffer)
        self.handed_out += len(buffer)
        return len(buffer)


def test_limits_default_is_used_without_setting(monkeypatch):
    monkeypatch.delenv("SANCTRACE_MAX_BYTES", raising=False)
    assert resolve_max_bytes() == DEFAULT_MAX_BYTES == 20 * 1024 * 1024


def test_limits_environment_replaces_default_and_argument_wins(monkeypatch):
    monkeypatch.setenv("SANCTRACE_MAX_BYTES", "4096")
    assert resolve_max_bytes() == 4096
    assert resolve_max_bytes(100) == 100


@pytest.mark.parametrize("raw", ["lots", "-5", "0", "1.5"])
def test_limits_bad_environment_value_is_named(monkeypatch, raw):
    monkeypatch.setenv("SANCTRACE_MAX_BYTES", raw)
    with pytest.raises(InvalidSetting, match=f"SANCTRACE_MAX_BYTES={raw!r}"):
        resolve_max_bytes()


@pytest.mark.parametrize("value", [0, -1, True])
def test_limits_bad_argument_is_refused(value):
    with pytest.raises(InvalidSetting, match="--max-bytes"):
        resolve_max_bytes(value)


def test_limits_read_bounded_returns_small_stream_whole():
    assert read_bounded(io.BytesIO(b"x" * 1000), 1000, "in") == b"x" * 1000


def test_limits_read_bounded_stops_an_endless_stream():
    stream = EndlessStream()
    with pytest.raises(UnreadableInput) as caught:
        read_bounded(stream, 5000, "the pipe")
    assert stream.handed_out <= 5001
    message = str(caught.value)
    assert message.startswith("the pipe is larger than the limit of 5,000 bytes")
    assert "--max-bytes" in message
    assert "SANCTRACE_MAX_BYTES" in message
