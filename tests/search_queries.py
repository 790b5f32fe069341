"""What readers type into the site search, and the note each query should lead to.

Each row is (query, expected, kind). `expected` is a page and the #anchor of the section a reader
typing the query wants to read: the note itself, not its glossary entry (the glossary's one-line
summary is a stop on the way; the test counts it as a result but never as the hit). The anchors
are the stable ones that CONTRIBUTING.md promises, so a heading may be reworded without touching this
table. `kind` only groups the report: a service name, an abbreviation, a concept word, a need in
plain words (what the reader wants done, not what AWS calls it), or a misspelling.

tests/test_browser_search.py types each query into the search box of the built site and requires
the expected section among the first three results.
"""

from __future__ import annotations

SERVICE = "service"
ABBREVIATION = "abbreviation"
CONCEPT = "concept"
NEED = "need"
MISSPELLING = "misspelling"

QUERIES: list[tuple[str, str, str]] = [
    # -- Service names ------------------------------------------------------------------------
    ("DynamoDB", "databases/#dynamodb", SERVICE),
    ("Lambda", "compute/#lambda", SERVICE),
    ("CloudFront", "networking/#cloudfront", SERVICE),
    ("Fargate", "containers/#fargate", SERVICE),
    ("SageMaker", "machine-learning/#sagemaker", SERVICE),
    ("CloudFormation", "tools/#cloudformation", SERVICE),
    ("Route 53", "networking/#route-53", SERVICE),
    ("Elastic Beanstalk", "compute/#elastic-beanstalk", SERVICE),
    ("Redshift", "databases/#redshift", SERVICE),
    ("Boto3", "tools/#boto3", SERVICE),
    ("API Gateway", "networking/#api-gateway", SERVICE),
    ("Outposts", "compute/#outposts", SERVICE),
    # -- Abbreviations --------------------------------------------------------------------------
    ("EC2", "compute/#ec2", ABBREVIATION),
    ("S3", "storage/#s3", ABBREVIATION),
    ("EBS", "storage/#ebs", ABBREVIATION),
    ("EFS", "storage/#efs", ABBREVIATION),
    ("SQS", "application-integration/#sqs", ABBREVIATION),
    ("SNS", "application-integration/#sns", ABBREVIATION),
    ("ECS", "containers/#ecs", ABBREVIATION),
    ("EKS", "containers/#eks", ABBREVIATION),
    ("ELB", "networking/#elb", ABBREVIATION),
    ("DMS", "databases/#dms", ABBREVIATION),
    ("IaaS", "cloud-concepts/#iaas", ABBREVIATION),
    ("CLI", "tools/#aws-cli", ABBREVIATION),
    ("SDK", "tools/#sdks", ABBREVIATION),
    ("DNS", "networking/#dns", ABBREVIATION),
    # -- Concept words ---------------------------------------------------------------------------
    ("serverless", "cloud-concepts/#serverless", CONCEPT),
    ("elasticity", "cloud-concepts/#elasticity", CONCEPT),
    ("shared responsibility", "cloud-concepts/#shared-responsibility-model", CONCEPT),
    ("multitenancy", "cloud-concepts/#multitenancy", CONCEPT),
    ("caching", "cloud-concepts/#caching", CONCEPT),
    ("microservices", "application-integration/#microservices", CONCEPT),
    ("pub/sub", "application-integration/#publish-subscribe", CONCEPT),
    ("spot instances", "compute/#spot-instances", CONCEPT),
    ("instance types", "compute/#ec2-instance-types", CONCEPT),
    ("infrastructure as code", "tools/#infrastructure-as-code", CONCEPT),
    ("edge locations", "networking/#edge-locations", CONCEPT),
    ("storage classes", "storage/#s3-storage-classes", CONCEPT),
    ("NoSQL", "databases/#nosql", CONCEPT),
    ("bring your own container", "machine-learning/#bring-your-own-container", CONCEPT),
    ("kubernetes", "containers/#eks", CONCEPT),
    ("docker", "containers/#docker", CONCEPT),
    # -- Needs in plain words --------------------------------------------------------------------
    ("block storage", "storage/#ebs", NEED),
    ("object storage", "storage/#s3", NEED),
    ("shared file system", "storage/#efs", NEED),
    ("temporary storage", "storage/#instance-store", NEED),
    ("back up a volume", "storage/#ebs-snapshots", NEED),
    ("message queue", "application-integration/#sqs", NEED),
    ("send notifications", "application-integration/#sns", NEED),
    ("run code without servers", "compute/#lambda", NEED),
    ("virtual server", "compute/#ec2", NEED),
    ("scale automatically", "compute/#ec2-auto-scaling", NEED),
    ("GPU", "compute/#accelerated-computing", NEED),
    ("DNS service", "networking/#route-53", NEED),
    ("load balancer", "networking/#elb", NEED),
    ("content delivery network", "networking/#cloudfront", NEED),
    ("data warehouse", "databases/#redshift", NEED),
    ("migrate a database", "databases/#dms", NEED),
    ("managed kubernetes", "containers/#eks", NEED),
    ("run containers without servers", "containers/#fargate", NEED),
    ("train a model", "machine-learning/#train-and-deploy", NEED),
    ("deep learning inference", "machine-learning/#elastic-inference", NEED),
    ("command line", "tools/#aws-cli", NEED),
    ("security of the cloud", "cloud-concepts/#shared-responsibility-model", NEED),
    # -- Misspellings ----------------------------------------------------------------------------
    ("dyanmodb", "databases/#dynamodb", MISSPELLING),
    ("sagemker", "machine-learning/#sagemaker", MISSPELLING),
    ("lamda", "compute/#lambda", MISSPELLING),
    ("redshfit", "databases/#redshift", MISSPELLING),
    ("cloudfromation", "tools/#cloudformation", MISSPELLING),
    ("kubernets", "containers/#eks", MISSPELLING),
]
