using Telehealth.Cohort.Cli;

return CohortCli.Run(args, Console.Out, Console.Error);
