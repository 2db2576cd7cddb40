"""Knowledge graph of responsibilities in Chinese work-safety notices."""
