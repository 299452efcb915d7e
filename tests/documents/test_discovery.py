import os

from sanctrace.documents.discovery import expand
from sanctrace.model import InputError


def test_discovery_directory_yields_supported_files_recursively_sorted(tmp_path):
    for relative in ["b.txt", "a/z.HTML", "a/b/c.jsonl", "a-c.htm", "notes.pdf", "a/readme.md"]:
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    found = list(expand(str(tmp_path)))
    names = [os.path.relpath(path, tmp_path) for path in found]
    assert names == ["a/b/c.jsonl", "a/z.HTML", "a-c.htm", "b.txt"]
    assert all(path.startswith(str(tmp_path)) for path in found)


def test_discovery_file_is_yielded_as_given(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("x")
    assert list(expand(str(path))) == [str(path)]


def test_discovery_missing_path_is_an_error(tmp_path):
    missing = str(tmp_path / "nowhere.txt")
    [error] = expand(missing)
    assert error == InputError(
        missing, f"{missing} does not exist; check the path and its spelling."
    )


def test_discovery_empty_directory_is_an_error(tmp_path):
    (tmp_path / "only.pdf").write_bytes(b"%PDF")
    [error] = expand(str(tmp_path))
    assert isinstance(error, InputError)
    assert error.input == str(tmp_path)
    assert error.error.startswith(f"{tmp_path} holds no .txt, .html, .htm, .jsonl, .jsonl.gz files")


def test_discovery_unsupported_extension_is_an_error(tmp_path):
    for name, words in [("report.pdf", "extension '.pdf'"), ("README", "no extension")]:
        path = tmp_path / name
        path.write_bytes(b"x")
        [error] = expand(str(path))
        assert isinstance(error, InputError)
        assert error.input == str(path)
        assert error.error.startswith(f"{path} has {words}, which sanctrace does not read")


def test_discovery_does_not_follow_directory_links(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert list(expand(str(tmp_path))) == [str(tmp_path / "a.txt")]


def test_discovery_named_pipe_in_a_directory_is_skipped(tmp_path):
    (tmp_path / "story.txt").write_text("x")
    os.mkfifo(tmp_path / "pipe.txt")
    pipe = str(tmp_path / "pipe.txt")
    assert list(expand(str(tmp_path))) == [
        InputError(
            pipe,
            f"{pipe} is a named pipe, not a regular file, so it was skipped; "
            "save its content to a file and give that file instead.",
        ),
        str(tmp_path / "story.txt"),
    ]


def test_discovery_device_linked_as_input_is_skipped(tmp_path):
    link = tmp_path / "zero.jsonl"
    link.symlink_to("/dev/zero")
    [error] = expand(str(link))
    assert error.error.startswith(f"{link} is a device, not a regular file")
