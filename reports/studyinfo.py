"""What a report needs from the study file: waves, arms, the k threshold, titles."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from craftwave.instruments.errors import StudyError

#: Platform reports suppress every cell under this many participants unless the study says.
DEFAULT_K = 10


@dataclass(frozen=True)
class StudyInfo:
    """The study facts a report uses.

    Attributes
    ----------
    study_id, title : str
    waves : tuple of int
        The study's waves (from the study file, else from the data).
    k : int
        Platform reports suppress cells under ``k`` participants.
    arms : tuple of str
        Intervention arms (empty without an intervention).
    after_wave : int or None
        The intervention runs after this wave.
    randomised : bool
        Whether arms were assigned by the study's seeded random draw. Arms seen only in the
        data (no study file) count as not randomised, so the report speaks of associations.
    arm_descriptions : dict
        Arm name to its description (from the study file).
    """

    study_id: str = "study"
    title: str = "craftwave study"
    waves: tuple[int, ...] = ()
    k: int = DEFAULT_K
    arms: tuple[str, ...] = ()
    after_wave: int | None = None
    randomised: bool = False
    arm_descriptions: dict[str, str] = field(default_factory=dict)
    source: str = "data"

    @property
    def has_intervention(self) -> bool:
        return len(self.arms) >= 2 and self.after_wave is not None


def study_info(path: str | Path | None = None, *, data_waves: list[int] | None = None,
               data_arms: list[str] | None = None, manifest: dict | None = None,
               k: int | None = None) -> StudyInfo:
    """Read the study file (``instruments.study.load_study``) or infer the facts from the data.

    Parameters
    ----------
    path : path, optional
        ``study.yaml``; without it, waves and arms come from the data.
    data_waves, data_arms : list, optional
        Waves and arms seen in the export.
    manifest : dict, optional
        The export's manifest (for the study id).
    k : int, optional
        Override of the k threshold.
    """
    if k is not None and k < 1:
        raise StudyError(f"k must be at least 1; got {k}")
    if path is None:
        arms = tuple(sorted(a for a in (data_arms or []) if a))
        study_id = str((manifest or {}).get("study_id") or (manifest or {}).get("study")
                       or "study")
        return StudyInfo(
            study_id=study_id, title=study_id, waves=tuple(data_waves or ()),
            k=k or DEFAULT_K, arms=arms if len(arms) >= 2 else (),
            after_wave=1 if len(arms) >= 2 else None, randomised=False, source="data",
        )
    from craftwave.instruments.study import load_study

    study = load_study(Path(path))
    title = study.title.get("en") or next(iter(study.title.values()))
    arms: tuple[str, ...] = ()
    after = None
    desc: dict[str, str] = {}
    if study.intervention is not None:
        arms = tuple(a.name for a in study.intervention.arms)
        after = study.intervention.after_wave
        desc = {a.name: a.description for a in study.intervention.arms if a.description}
    return StudyInfo(
        study_id=study.id, title=title, waves=tuple(w.number for w in study.waves),
        k=k or study.k_threshold, arms=arms, after_wave=after,
        randomised=study.intervention is not None, arm_descriptions=desc, source=str(path),
    )
