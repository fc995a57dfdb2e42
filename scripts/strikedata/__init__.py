"""strikedata: build, validate and publish the March 2022 SCUSD strike Data Package."""

__version__ = "0.1.0"
