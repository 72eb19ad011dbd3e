SampleApp.SampleApplication.Create(args).Run();
