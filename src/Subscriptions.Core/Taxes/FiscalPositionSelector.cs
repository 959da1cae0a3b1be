namespace Subscriptions.Taxes;

/// <summary>Automatic fiscal position selection (TAXES.md §3.1): the highest score tuple wins, any zero disqualifies.</summary>
internal static class FiscalPositionSelector
{
    private static readonly HashSet<string> EuVatPrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "EL", "GR", "HU", "IE", "IT", "LV",
        "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "XI",
    };

    public static FiscalPosition? Select(TaxConfiguration company, FiscalPosition[] positions, TaxPartner? partner, TaxPartner? delivery)
    {
        if (partner is null)
        {
            return null;
        }

        var address = delivery is null || SameEuVatPrefix(company.VatNumber, partner.VatNumber) ? partner : delivery;
        var manual = delivery?.ManualPosition ?? partner.ManualPosition;
        if (manual is not null)
        {
            return manual;
        }

        if (address.CountryCode is null)
        {
            return null;
        }

        FiscalPosition? best = null;
        Span<decimal> bestScore = stackalloc decimal[7];
        Span<decimal> score = stackalloc decimal[7];
        foreach (var position in positions)
        {
            if (!position.AutoApply || !Score(position, address, score))
            {
                continue;
            }

            if (best is null || Compare(score, bestScore) > 0)
            {
                best = position;
                score.CopyTo(bestScore);
            }
        }

        return best;
    }

    private static bool Score(FiscalPosition position, TaxPartner address, Span<decimal> score)
    {
        score[0] = !position.VatRequired ? 1 : address.HasVat ? 2 : 0;
        score[1] = position.CompanyDepth + 1;
        score[2] = position.ZipFrom is null ? 1 : position.ZipInRange(address.Zip) ? 2 : 0;
        score[3] = !position.HasStates ? 1 : position.HasState(address.StateCode) ? 2 : 0;
        score[4] = position.CountryCode is null ? 1 : string.Equals(position.CountryCode, address.CountryCode, StringComparison.OrdinalIgnoreCase) ? 2 : 0;
        score[5] = position.CountryGroup is null ? 1 : position.CountryGroup.Contains(address.CountryCode) ? 2 : 0;
        score[6] = position.Sequence == 0 ? -0.1m : -position.Sequence;
        for (var i = 0; i < 6; i++)
        {
            if (score[i] == 0m)
            {
                return false;
            }
        }

        return true;
    }

    private static int Compare(ReadOnlySpan<decimal> a, ReadOnlySpan<decimal> b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            var c = a[i].CompareTo(b[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }

    private static bool SameEuVatPrefix(string? companyVat, string? partnerVat)
    {
        if (companyVat is null || partnerVat is null || companyVat.Length < 2 || partnerVat.Length < 2)
        {
            return false;
        }

        var a = companyVat[..2];
        var b = partnerVat[..2];
        return EuVatPrefixes.Contains(a) && EuVatPrefixes.Contains(b) && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
    }
}
