"""A Data Package's tables as pandas DataFrames with the types their Table Schemas declare.

The release README prints this file's code (everything below this docstring) as its Python loading
recipe, and the tests run it from there: a data user without strikedata pastes the same function
that `from strikedata.load import load_package` gives a user with it. Keep it to the standard library
and pandas, and short enough to read.
"""

import json
import os

import pandas as pd

# Table Schema type -> pandas dtype (dates and datetimes become datetime64 below; any other type stays text).
DTYPES = {"integer": "Int64", "year": "Int64", "number": "float64", "string": "string"}


def load_package(descriptor="datapackage.json"):
    """Every table of the package as a DataFrame, each column of its declared type; an empty cell is missing."""
    folder = os.path.dirname(os.path.abspath(descriptor))
    with open(descriptor, encoding="utf-8") as file:
        package = json.load(file)
    tables = {}
    for resource in package["resources"]:
        schema = resource.get("schema")
        if schema is None:  # the article texts are plain files, not tables
            continue
        if isinstance(schema, str):  # a schema kept in a file of its own
            with open(os.path.join(folder, schema), encoding="utf-8") as file:
                schema = json.load(file)
        frame = pd.read_csv(os.path.join(folder, resource["path"]), dtype=str, keep_default_na=False,
                            na_values=schema.get("missingValues", [""]), encoding=resource.get("encoding", "utf-8"))
        for field in schema["fields"]:
            name, kind = field["name"], field.get("type", "string")
            if kind in ("date", "datetime"):
                frame[name] = pd.to_datetime(frame[name], format="ISO8601")
            elif kind == "boolean":
                values = dict.fromkeys(field.get("trueValues", ["true", "True", "TRUE", "1"]), True)
                values.update(dict.fromkeys(field.get("falseValues", ["false", "False", "FALSE", "0"]), False))
                frame[name] = frame[name].map(values).astype("boolean")
            else:
                frame[name] = frame[name].astype(DTYPES.get(kind, "string"))
        tables[resource["name"]] = frame
    return tables
