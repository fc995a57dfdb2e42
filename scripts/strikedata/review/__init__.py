"""Confirming what `strikedata extract` drafted: each proposal shown with its sentence and the
registry entries it links to, and confirmed, corrected or rejected one by one."""
