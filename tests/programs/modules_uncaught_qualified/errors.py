# Error types of the application, raised from here and caught (or not) by the main module.
class ValidationError(Exception):
    pass


def check(n):
    if n < 0:
        raise ValidationError(f"negative: {n}")
    return n * 2
