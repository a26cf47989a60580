namespace Extractor.Sections.Mapping;

/// <summary>Chooses between the rule layer's and the model's answer for one heading.</summary>
public interface IGuessCombiner
{
    SectionGuess? Combine(SectionGuess? rule, SectionGuess? model);
}

/// <summary>
/// Rules when they are confident, the model otherwise. Confident rules (≥ 0.85) fire on the wording the
/// Ministry of Finance template prescribes and are right on every labelled report, so a model trained on
/// a few hundred headings should not overturn them; below that (inherited ids, position-only guesses)
/// the model has learnt the local wording and wins when it is at least as sure as the rule. Without a
/// model the rules stand alone.
/// </summary>
public sealed class RulesFirstCombiner : IGuessCombiner
{
    public const double RuleTrust = 0.85;
    public const double ModelFloor = 0.35;

    public SectionGuess? Combine(SectionGuess? rule, SectionGuess? model)
    {
        if (rule is not null && rule.Confidence >= RuleTrust) return rule;
        if (model is not null && model.Confidence >= ModelFloor && model.Confidence >= (rule?.Confidence ?? 0))
            return rule is not null && rule.Id == model.Id
                ? new SectionGuess(rule.Id, Math.Max(rule.Confidence, model.Confidence), "rule+model")
                : model;
        return rule;
    }
}
