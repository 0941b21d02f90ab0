"""The schema of an instrument definition (one YAML file per instrument).

The pydantic models check the shape (types, required fields); the cross-field rules
(unknown subscale, duplicate ids, expected answer outside the scale, ...) are checked by
:func:`craftwave.instruments.loader.validate_instrument` so that every message can name the item.
"""

from __future__ import annotations

import hashlib
import json
from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Text = dict[str, str]
"""A text in several languages: ``{"en": "...", "de": "..."}``."""

ID_PATTERN = r"^[a-z][a-z0-9_]*$"
ITEM_ID_PATTERN = r"^[a-z0-9][a-z0-9_]*$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Option(_Strict):
    """One answer option of a response scale."""

    value: int | float
    label: Text
    missing: bool = Field(
        False,
        description="Non-substantive answer (e.g. 'prefer not to say'): kept with its own code, "
        "declared user-missing in SPSS exports and missing in scores.",
    )


class ResponseScale(_Strict):
    """A set of ordered answer options shared by items (e.g. a 5-point agreement scale)."""

    id: str = Field(pattern=ID_PATTERN)
    options: list[Option] = Field(min_length=2)
    level: Literal["ordinal", "nominal"] = Field(
        "ordinal",
        description="Measurement level of answers on this scale (codebook, SPSS 'measure'): "
        "ordered options are ordinal; unordered categories (country, gender, yes/no) nominal.",
    )

    @property
    def values(self) -> list[int | float]:
        return [o.value for o in self.options]

    @property
    def substantive_values(self) -> list[int | float]:
        return [o.value for o in self.options if not o.missing]

    @property
    def missing_values(self) -> list[int | float]:
        return [o.value for o in self.options if o.missing]

    @property
    def minimum(self) -> float:
        return min(self.substantive_values)

    @property
    def maximum(self) -> float:
        return max(self.substantive_values)

    def label_of(self, value: float, language: str = "en") -> str | None:
        for o in self.options:
            if o.value == value:
                return o.label.get(language)
        return None


class Item(_Strict):
    """A question. ``type: scale`` answers on a response scale; ``number`` a bounded number."""

    id: str = Field(pattern=ITEM_ID_PATTERN)
    text: Text
    type: Literal["scale", "number"] = "scale"
    scale: str | None = Field(None, description="Response scale id; default: the instrument's.")
    subscale: str | None = None
    required: bool = True
    min: float | None = None
    max: float | None = None
    integer: bool = True


class AttentionCheck(_Strict):
    """An instructed-response item with the one answer an attentive participant gives."""

    id: str = Field(pattern=ITEM_ID_PATTERN)
    text: Text
    scale: str | None = None
    expected: int | float


class Subscale(_Strict):
    id: str = Field(pattern=ID_PATTERN)
    label: Text
    definition: str | None = None


class Scoring(_Strict):
    """How answers become scores.

    ``min_items`` is the least number of answered items a (sub)scale score needs; with
    fewer the score is missing rather than computed from a biased subset. ``total`` also
    scores the whole scale over all its scored items (``total_min_items`` answered).
    """

    method: Literal["mean", "sum"] = "mean"
    reverse: list[str] = Field(default_factory=list)
    min_items: int = Field(1, ge=1)
    total: bool = True
    total_min_items: int | None = Field(None, ge=1)


class Source(_Strict):
    """The published instrument whose dimensions a bundled wording follows."""

    citation: str
    dimensions: list[str] = Field(default_factory=list)


class Instrument(_Strict):
    """A validated instrument definition."""

    id: str = Field(pattern=ID_PATTERN)
    version: str
    prefix: str = Field(pattern=r"^[a-z][a-z0-9]*$")
    title: Text
    construct_definition: str
    wording: Literal["project", "licensed", "own"]
    follows: Source
    validation_status: str
    licence: str
    languages: list[str] = Field(default_factory=lambda: ["en"], min_length=1)
    response_scales: list[ResponseScale] = Field(default_factory=list)
    default_scale: str | None = None
    subscales: list[Subscale] = Field(default_factory=list)
    items: list[Item] = Field(default_factory=list)
    attention_checks: list[AttentionCheck] = Field(default_factory=list)
    scoring: Scoring | None = None
    instructions: Text | None = None

    # -- lookups ---------------------------------------------------------------------
    @cached_property
    def scales_by_id(self) -> dict[str, ResponseScale]:
        return {s.id: s for s in self.response_scales}

    @cached_property
    def items_by_id(self) -> dict[str, Item]:
        return {i.id: i for i in self.items}

    def scale_of(self, item: Item | AttentionCheck) -> ResponseScale | None:
        """The response scale an item answers on (``None`` for number items)."""
        if isinstance(item, Item) and item.type != "scale":
            return None
        sid = item.scale or self.default_scale
        return self.scales_by_id.get(sid) if sid else None

    def is_reversed(self, item_id: str) -> bool:
        return self.scoring is not None and item_id in self.scoring.reverse

    def subscale_items(self, subscale: str) -> list[Item]:
        return [i for i in self.items if i.subscale == subscale]

    @property
    def scored_items(self) -> list[Item]:
        """Items that enter a score: scale items (all of them, or those with a subscale)."""
        if self.scoring is None:
            return []
        if self.subscales:
            return [i for i in self.items if i.subscale is not None and i.type == "scale"]
        return [i for i in self.items if i.type == "scale"]

    @cached_property
    def content_hash(self) -> str:
        """sha256 of the canonical content: any change of wording, options or keys changes it."""
        payload = json.dumps(self.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    @property
    def short_hash(self) -> str:
        return self.content_hash[:12]
