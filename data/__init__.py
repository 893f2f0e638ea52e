"""Data package: the embedded report (sources/) and the registries of organisations and programmes (README.md)."""
