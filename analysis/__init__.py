"""What the answers say: scoring, psychometrics, SEM and longitudinal panel models.

The public API is flat and re-exported here explicitly. Each area keeps its imports in its own
block below (edit only your block).
"""

# -- SEM engine (analysis.sem, analysis.invariance) ------------------------------------------

# -- data in, data quality, descriptives, reliability ----------------------------------------

# -- panel models, moderated mediation, bootstrap, growth, attrition, simulation, power -------

__all__: list[str] = []
