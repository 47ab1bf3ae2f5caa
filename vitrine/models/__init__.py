from .calls import CallForProjectsPage, CallSubmission
from .projects import (
    AccessibilityStatus,
    BenefitMeasurement,
    ExpectedBenefit,
    Milestone,
    Phase,
    ProjectImage,
    ProjectPage,
    VitrineIndexPage,
)

__all__ = [
    "AccessibilityStatus",
    "BenefitMeasurement",
    "CallForProjectsPage",
    "CallSubmission",
    "ExpectedBenefit",
    "Milestone",
    "Phase",
    "ProjectImage",
    "ProjectPage",
    "VitrineIndexPage",
]
