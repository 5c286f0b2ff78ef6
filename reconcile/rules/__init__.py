"""The rules: one module per rule, registered here in a plain list.

Each rule is a pure function of the claims table (as ``Facts``) and its settings; see
``base.Rule``. ``reconcile rules`` lists them and ``reconcile explain CODE`` prints one's
documentation.
"""

from __future__ import annotations

from .base import Rule, RuleContext
from .RC101_cagr_arithmetic import CagrArithmetic
from .RC102_cagr_arithmetic_across import CagrArithmeticAcross
from .RC103_cagr_conflict import CagrConflict
from .RC104_growth_arithmetic import GrowthArithmetic
from .RC105_margin_arithmetic import MarginArithmetic
from .RC106_points_arithmetic import PointsArithmetic
from .RC201_value_conflict import ValueConflict
from .RC301_trajectory_decline import TrajectoryDecline
from .RC302_trajectory_outlier import TrajectoryOutlier
from .RC303_trajectory_decline_across import TrajectoryDeclineAcross
from .RC401_parts_exceed_total import PartsExceedTotal
from .RC402_parts_sum_mismatch import PartsSumMismatch
from .RC403_parts_share_value import PartsShareValue
from .RC404_parts_subregion_exceeds import PartsSubregionExceeds
from .RC405_parts_region_peer import PartsRegionPeer
from .RC406_parts_company_share import PartsCompanyShare
from .RC407_parts_sentence_share import PartsSentenceShare
from .RC501_words_rank import WordsRank
from .RC502_words_growth import WordsGrowth
from .RC601_geography_wrong_region import GeographyWrongRegion
from .RC602_geography_two_regions import GeographyTwoRegions
from .RC603_geography_list_item import GeographyListItem
from .RC701_reference_conflict import ReferenceConflict
from .RC901_units_not_comparable import UnitsNotComparable

RULES: list[type[Rule]] = [
    CagrArithmetic, CagrArithmeticAcross, CagrConflict, GrowthArithmetic, MarginArithmetic, PointsArithmetic, ValueConflict, TrajectoryDecline,
    TrajectoryOutlier, TrajectoryDeclineAcross, PartsExceedTotal, PartsSumMismatch, PartsShareValue, PartsSubregionExceeds, PartsRegionPeer,
    PartsCompanyShare, PartsSentenceShare,
    WordsRank, WordsGrowth, GeographyWrongRegion, GeographyTwoRegions, GeographyListItem, ReferenceConflict,
    UnitsNotComparable,
]


def find_rule(key: str) -> type[Rule] | None:
    """A rule by its code (``RC101``, any case) or dotted name (``cagr.arithmetic``)."""
    for rule in RULES:
        if key.upper() == rule.code or key.lower() == rule.name:
            return rule
    return None


__all__ = ["RULES", "Rule", "RuleContext", "find_rule"]
