"""chronicle: an open, local news-to-event-data engine."""

# The subpackage `chronicle.extract` must be imported BEFORE the function of the same name is bound:
# importing a submodule later does not rebind the attribute once the subpackage is loaded.
import chronicle.extract  # noqa: F401
from chronicle.api import Database, extract, open

__version__ = "0.1.0"
__all__ = ["Database", "extract", "open"]
