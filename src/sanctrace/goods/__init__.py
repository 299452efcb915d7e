"""Goods: item words -> contract tags and HS headings (the taxonomy is data)."""

from sanctrace.goods.spec import TaxonomyError
from sanctrace.goods.taxonomy import GoodsMatch, Taxonomy

__all__ = ["GoodsMatch", "Taxonomy", "TaxonomyError"]
