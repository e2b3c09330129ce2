"""The reading-ease score editors see in `invoke check`."""

from hubtools.readability import flesch_reading_ease


def test_reading_ease_ranks_plain_text_above_dense_text():
    plain = "Sit down together. Put your phones away. Ask how the week went. Listen to the answer."
    dense = (
        "Interpersonal communicative difficulties frequently necessitate comprehensive, "
        "collaborative problem-solving methodologies incorporating therapeutic interventions."
    )
    assert flesch_reading_ease(plain) > 80
    assert flesch_reading_ease(dense) < 30
    assert flesch_reading_ease("") == 0.0
