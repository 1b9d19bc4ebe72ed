"""Maps the repository's top-level ``questions/`` and ``assets/`` into the package (``ketaquiz/questions``,
``ketaquiz/assets``), so that the wheel carries the course and the app's files. Everything else is in pyproject.toml."""

from setuptools import find_namespace_packages, find_packages, setup

# Each set's folder is listed as a (data-only) package of its own: setuptools warns about data in folders that
# look like packages but are not listed.
COURSE = ["ketaquiz.questions", *(f"ketaquiz.questions.{p}" for p in find_namespace_packages(where="questions"))]

setup(
    packages=[*find_packages(include=["ketaquiz", "ketaquiz.*"]), *COURSE, "ketaquiz.assets"],
    # Package data is what package_data names, not all that MANIFEST.in puts in the sdist (the screenshots).
    include_package_data=False,
    package_dir={"ketaquiz.questions": "questions", "ketaquiz.assets": "assets"},
    package_data={
        **{p: ["*"] for p in COURSE},
        # The app's own files; not the README's screenshots (assets/screenshots: in the sdist only).
        "ketaquiz.assets": ["*.qss", "*.svg", "*.png", "*.desktop"],
    },
)
