"""The stored words of each recommendation, so similar recommendations are found without reading
and weighing every recommendation of a partnership on each request (docs/adr/0049).

Kept in step with the plans by signals (term_index.py), rebuilt whole by `actionplan reindex`.
Ids are plain numbers, not foreign keys: the rows are a derived index, removed with their
recommendation by the same signals."""

from __future__ import annotations

from django.db import models

TERM_LENGTH = 60  # a longer word is cut to this, the same way when stored and when asked for


class RecommendationTerms(models.Model):
    """Each term of a recommendation (its text, learning point and actions) with its count."""

    recommendation_id = models.IntegerField(primary_key=True)
    partnership_id = models.IntegerField()
    plan_id = models.IntegerField()
    counts = models.JSONField(default=dict)


class TermPosting(models.Model):
    """The inverted index: which recommendations of a partnership hold a term, and the term's
    weight in each before its rarity is known: (1 + log count) over the square root of the
    number of the recommendation's terms, a first guess at the cosine's length."""

    term = models.CharField(max_length=TERM_LENGTH)
    partnership_id = models.IntegerField()
    plan_id = models.IntegerField()
    recommendation_id = models.IntegerField()
    weight = models.FloatField()

    class Meta:
        indexes = [
            # Every column the search for candidates reads: it is answered from the index alone.
            models.Index(
                fields=["partnership_id", "term", "plan_id", "recommendation_id", "weight"],
                name="learning_posting_term",
            ),
            models.Index(fields=["recommendation_id"], name="learning_posting_rec"),
        ]


class TermDocuments(models.Model):
    """How many of a partnership's recommendations hold a term; the empty term counts them all."""

    partnership_id = models.IntegerField()
    term = models.CharField(max_length=TERM_LENGTH)
    documents = models.IntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["partnership_id", "term"], name="learning_documents_term")
        ]


class NearPair(models.Model):
    """Two recommendations of different plans of a partnership whose cosine reached
    `neighbours.KEPT` when the later of them was last stored (docs/adr/0061): what recommendations
    made again are grouped from, so a page reads a partnership's pairs, never all its words.
    `first` is the smaller id, so a pair is stored once."""

    partnership_id = models.IntegerField()
    first = models.IntegerField()
    second = models.IntegerField()
    score = models.FloatField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["first", "second"], name="learning_pair_once")]
        indexes = [
            # The page reads a partnership's pairs, at or above the threshold, with their scores.
            models.Index(
                fields=["partnership_id", "score", "first", "second"], name="learning_pair_partnership"
            ),
            models.Index(fields=["second"], name="learning_pair_second"),
        ]


class MadeAgain(models.Model):
    """A recommendation's place in a group of recommendations made again (docs/adr/0075), found
    from the partnership's near pairs by the worker whenever they change, so a page of groups is
    read with SQL paging instead of grouping every pair on each request. `group` is the smallest
    id among its members."""

    partnership_id = models.IntegerField()
    recommendation_id = models.IntegerField(unique=True)
    group = models.IntegerField()

    class Meta:
        indexes = [
            # A partnership's groups, each with its members, read from the index alone.
            models.Index(fields=["partnership_id", "group", "recommendation_id"], name="learning_made_again"),
            models.Index(fields=["group"], name="learning_made_again_group"),
        ]
