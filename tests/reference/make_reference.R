# Rewrites every reference fixture of craftwave (tests/reference/*.json and data/*.csv).
#
# Run from the repository root:  Rscript tests/reference/make_reference.R   (or: make reference)
# Each script under tests/reference/r/ writes its own fixtures; they are sourced in sorted order,
# each in a fresh environment, so one area's helpers never leak into another's.
scripts <- sort(list.files(file.path("tests", "reference", "r"), pattern = "\\.R$",
                           full.names = TRUE))
for (script in scripts) {
  message("== ", script)
  t0 <- proc.time()[["elapsed"]]
  sys.source(script, envir = new.env(parent = globalenv()), chdir = FALSE)
  message(sprintf("   done in %.1f s", proc.time()[["elapsed"]] - t0))
}
