"""Cell markup into blocks: the shortcuts for common shapes read as the full reader does."""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

from actionplan.importing.blocks import Block, _BlockReader, read_blocks

_TEXT = st.text(alphabet=st.sampled_from(" \t\r\nab•&;#32amp<>/pul"), max_size=30)
_SPACE = st.text(alphabet=" \t\r\n\u00a0", max_size=3)
_OPENING = st.sampled_from(["<p>", "<ul>", "<ol>", '<ul style="list-style-type: none">',
                            "<ula>", "<UL>", "<p class='x'>", "<li>", "<u>", ""])
_CLOSING = st.sampled_from(["</p>", "</ul>", "</li>", "</u>", "<br>", ""])


@given(st.builds("{}{}{}{}{}".format, _SPACE, _OPENING, _TEXT, _CLOSING, _SPACE))
def test_a_cell_of_one_or_two_tags_reads_as_the_full_reader_reads_it(raw):
    assume("<" in raw or "&" in raw)  # text without markup is never handed to the reader
    assert read_blocks(raw) == _BlockReader().read(raw)


def test_a_paragraph_and_a_list_opened_without_items():
    assert read_blocks(" <p>Audit &amp; review</p>") == [Block("Audit & review")]
    assert read_blocks('<ul style="list-style-type: none">• One • Two') == [
        Block("• One • Two", in_list=True)]
    assert read_blocks("<p> \n</p>") == []
